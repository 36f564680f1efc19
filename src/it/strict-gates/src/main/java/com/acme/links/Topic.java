package com.acme.links;

/**
 * A documentation topic.
 *
 * @param name the topic's name, such as {@code setup}
 */
public record Topic(String name) {

}
