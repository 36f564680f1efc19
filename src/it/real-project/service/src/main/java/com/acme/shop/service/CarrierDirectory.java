package com.acme.shop.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The carriers the shop ships with, read from a {@code code;name} table. */
public final class CarrierDirectory {

    private final Map<String, String> namesByCode;

    private CarrierDirectory(Map<String, String> namesByCode) {
        this.namesByCode = namesByCode;
    }

    /**
     * Reads a table with one {@code code;name} line per carrier. Blank lines and lines starting
     * with {@code #} are skipped.
     *
     * @param table the table, in UTF-8
     * @return the carriers
     * @throws IOException if the table cannot be read or a line has no {@code ;}
     */
    public static CarrierDirectory read(InputStream table) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(table, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int separator = trimmed.indexOf(';');
            if (separator < 0) {
                throw new IOException("not a code;name line: " + trimmed);
            }
            names.put(trimmed.substring(0, separator).strip(), trimmed.substring(separator + 1).strip());
        }
        return new CarrierDirectory(names);
    }

    /**
     * The carrier's name.
     *
     * @param code the carrier's code, such as {@code DHL}
     * @return its name, if the shop ships with it
     */
    public Optional<String> nameOf(String code) {
        return Optional.ofNullable(namesByCode.get(code));
    }

    /**
     * How many carriers there are.
     *
     * @return the number of carriers
     */
    public int size() {
        return namesByCode.size();
    }
}
