package com.acme.geo;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartTest {

    @Test
    void headingsPastATurnOrBelowNorthBecomeCompassBearings() {
        var course = CourseFixtures.plotted(370, -90, 0, 359, 720);
        CourseFixtures.assertBearings(List.of(10, 270, 0, 359, 0), course);
    }
}
