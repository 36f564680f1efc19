package dev.autocoder.context;

/**
 * A text file of the consuming project.
 *
 * @param path the path relative to the project's base folder, with {@code /} separators
 * @param text the content, with {@code \n} line ends
 */
record ProjectFile(String path, String text) {
}
