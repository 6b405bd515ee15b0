package dev.attrgateway.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * Serves GraphiQL's page and render script (src/main/resources/graphiql) in place of SmallRye GraphQL UI's, whose
 * script copies the Headers tab, a bearer token, into the page URL and the browser's history. The other files (React,
 * GraphiQL, styles) are SmallRye's. The page's Content-Security-Policy and X-Frame-Options are settings
 * ({@code quarkus.http.header.*} in application.properties).
 */
@ApplicationScoped
class GraphiQLPage {

    /** GraphiQL's path: {@code quarkus.http.non-application-root-path} and {@code quarkus.smallrye-graphql.ui.root-path}. */
    static final String PATH = "/q/graphql-ui/";
    /** Ahead of the UI's own routes, which Quarkus installs with orders from 0 up. */
    private static final int ORDER = -1;

    void install(@Observes Router router) {
        serve(router, "index.html", "text/html; charset=utf-8");
        serve(router, "render.js", "text/javascript; charset=utf-8");
    }

    private static void serve(Router router, String file, String contentType) {
        Buffer content = read("graphiql/" + file);
        // The UI's own route answers "/q/graphql-ui/" by rerouting to its index.html, which lands here.
        router.get(PATH + file).order(ORDER).handler(context -> context.response()
                .putHeader("Content-Type", contentType)
                .putHeader("Cache-Control", "no-cache")
                .end(content));
    }

    private static Buffer read(String resource) {
        try (InputStream in = GraphiQLPage.class.getClassLoader().getResourceAsStream(resource)) {
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
