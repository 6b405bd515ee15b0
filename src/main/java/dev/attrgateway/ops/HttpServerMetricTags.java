package dev.attrgateway.ops;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Bounds the values of the tags Quarkus' HTTP server metrics take from a request. The method is tagged as sent,
 * and any word is a method to HTTP: every made-up one would be a series of its own, kept for the process's life.
 * Any method but HTTP's standard ones is tagged {@value #OTHER_METHOD}. (Micrometer remembers the first id it maps
 * to a meter, not each one after it, so the filter itself keeps nothing per method.) The {@code uri} tag is
 * bounded by Quarkus' own settings ({@code quarkus.micrometer.binder.http-server.*} in application.properties).
 */
@Singleton
class HttpServerMetricTags {

    static final String OTHER_METHOD = "OTHER";
    private static final String[] STANDARD_METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
            "TRACE", "PATCH"};

    @Produces
    @Singleton
    MeterFilter standardMethodsOnly() {
        return MeterFilter.replaceTagValues("method", method -> OTHER_METHOD, STANDARD_METHODS);
    }
}
