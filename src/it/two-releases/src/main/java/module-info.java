/** The units library; a packaging step adds this descriptor to the release 8 classes. */
module com.acme.units {
    exports com.acme.units;
}
