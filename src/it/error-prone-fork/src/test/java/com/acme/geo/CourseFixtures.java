package com.acme.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Courses as the chart tests plot them. */
final class CourseFixtures {

    private CourseFixtures() {
    }

    static Course plotted(int... headings) {
        var course = new Course();
        for (var heading : headings) {
            course.steer(heading);
        }
        return course;
    }

    static void assertBearings(List<Integer> expected, Course course) {
        assertEquals(expected, course.bearings(), "bearings of the course");
    }
}
