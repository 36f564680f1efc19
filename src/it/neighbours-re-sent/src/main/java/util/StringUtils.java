package util;

/** Text helpers the map printer uses. */
public final class StringUtils {

    private StringUtils() {
    }

    /** The text with one space on each side. */
    public static String pad(String text) {
        return " " + text + " ";
    }
}
