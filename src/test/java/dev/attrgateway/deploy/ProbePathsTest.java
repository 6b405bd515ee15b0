package dev.attrgateway.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.attrgateway.deploy.Probes.Probe;
import dev.attrgateway.support.EmulatorGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every path the manifests' probes GET is served by the gateway and answers 200 once it is up and warm. */
@QuarkusTest
@TestProfile(EmulatorGateway.class)
class ProbePathsTest {

    @Test
    void everyProbePathAnswers200() {
        // One request per distinct path and headers, named after every probe that sends it.
        Map<List<Object>, List<String>> requests = new LinkedHashMap<>();
        for (String overlay : Manifests.overlays()) {
            for (Probe probe : Probes.of(overlay)) {
                if (probe.handler().equals("httpGet")) {
                    requests.computeIfAbsent(List.of(probe.path(), probe.headers()), key -> new ArrayList<>())
                            .add(probe.where() + " " + probe.kind());
                }
            }
        }
        assertFalse(requests.isEmpty(), "the manifests have no httpGet probe");
        List<String> failures = new ArrayList<>();
        requests.forEach((request, probes) -> {
            String path = (String) request.get(0);
            @SuppressWarnings("unchecked")
            Map<String, String> headers = (Map<String, String>) request.get(1);
            // Readiness waits for the warm-up, which ends shortly after start-up.
            long deadline = System.currentTimeMillis() + 30_000;
            int status = given().headers(headers).when().get(path).then().extract().statusCode();
            while (status != 200 && System.currentTimeMillis() < deadline) {
                status = given().headers(headers).when().get(path).then().extract().statusCode();
            }
            if (status != 200) {
                failures.add("GET " + path + " answered " + status + " (" + String.join("; ", probes) + ")");
            }
        });
        assertEquals(List.of(), failures);
    }
}
