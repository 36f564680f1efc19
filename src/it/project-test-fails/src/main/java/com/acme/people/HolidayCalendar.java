package com.acme.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** The public holidays absence planning skips, read from {@code holidays/<region>-<year>.csv}. */
public final class HolidayCalendar {

    private final Map<LocalDate, String> holidays;

    private HolidayCalendar(Map<LocalDate, String> holidays) {
        this.holidays = holidays;
    }

    /**
     * Loads a region's holidays of a year from the class path.
     *
     * @param region such as {@code de}
     * @param year such as 2026
     * @return the calendar
     */
    public static HolidayCalendar load(String region, int year) {
        String resource = "holidays/" + region + "-" + year + ".csv";
        InputStream in = HolidayCalendar.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        Map<LocalDate, String> holidays = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int comma = line.indexOf(',');
                if (comma > 0) {
                    holidays.put(LocalDate.parse(line.substring(0, comma)), line.substring(comma + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new HolidayCalendar(holidays);
    }

    /**
     * Whether nobody works on a day.
     *
     * @param day the day
     * @return true on a public holiday
     */
    public boolean isHoliday(LocalDate day) {
        return holidays.containsKey(day);
    }
}
