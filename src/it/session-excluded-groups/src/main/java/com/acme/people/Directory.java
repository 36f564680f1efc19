package com.acme.people;

/** The company directory (LDAP in production); only reachable from the office network. */
public final class Directory {

    private Directory() {
    }

    /**
     * The full name of an employee.
     *
     * @param login the employee's login
     * @return the name as the directory holds it
     */
    public static String fullName(String login) {
        throw new IllegalStateException("the directory at ldap://directory.acme.internal is not reachable from here");
    }
}
