package com.acme.shop.service;

/** Which environment this instance runs in, from the environment variable {@code SHOP_PROFILE}. */
public final class DeploymentProfile {

    private DeploymentProfile() {
    }

    /**
     * The current profile.
     *
     * @return the value of {@code SHOP_PROFILE}, {@code production} when it is not set
     */
    public static String current() {
        String profile = System.getenv("SHOP_PROFILE");
        return profile == null || profile.isBlank() ? "production" : profile;
    }

    /**
     * Whether real payments and real parcels are involved.
     *
     * @return true in production
     */
    public static boolean isProduction() {
        return "production".equals(current());
    }
}
