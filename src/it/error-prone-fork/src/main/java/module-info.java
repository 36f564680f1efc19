/** The geo library as a module; compiled on its own at release 9, over the release 8 classes. */
module com.acme.geo {
    exports com.acme.geo;
}
