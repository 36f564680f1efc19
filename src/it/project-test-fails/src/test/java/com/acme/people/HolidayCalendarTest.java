package com.acme.people;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    @Test
    void knowsNewYearsDay() {
        HolidayCalendar calendar = HolidayCalendar.load("de", 2026);
        assertTrue(calendar.isHoliday(LocalDate.of(2026, 1, 1)));
        assertFalse(calendar.isHoliday(LocalDate.of(2026, 1, 2)));
    }
}
