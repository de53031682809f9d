package dev.dlvaudit.checks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.Policy;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.testing.CheckRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real HTTP server on loopback. */
class HealthEndpointCheckTest {
    @TempDir
    Path root;
    HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/health", ex -> {
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("ok".getBytes());
            ex.close();
        });
        server.createContext("/broken", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(Long.parseLong(ex.getRequestURI().getQuery()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    Result check(String url, Map<String, Object> settings) {
        Policy policy = new Policy("test", Optional.empty(), url == null ? Map.of() : Map.of("health-url", url),
                Map.of("ops.health-endpoint", settings), Map.of(), List.of());
        return new CheckRunner(root).policy(policy).one(new HealthEndpointCheck());
    }

    @Test
    void healthyEndpointPassesWithUrlStatusAndLatencyAsEvidence() {
        Result r = check(url("/health"), Map.of());
        assertEquals(Status.PASS, r.status(), r.toString());
        assertTrue(r.evidence().matches("GET http://127\\.0\\.0\\.1:\\d+/health → HTTP 200 in \\d+ ms"), r.evidence());
    }

    @Test
    void serverErrorFails() {
        Result r = check(url("/broken"), Map.of());
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.message().contains("HTTP 500"), r.message());
        assertTrue(r.evidence().contains("HTTP 500"), r.evidence());
        assertTrue(!r.fix().isEmpty());
    }

    @Test
    void slowerThanTheTimeoutFails() {
        long start = System.nanoTime();
        Result r = check(url("/slow?3000"), Map.of("timeout-ms", 300L));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Status.FAIL, r.status(), r.toString());
        assertTrue(r.message().contains("no answer within 300 ms"), r.message());
        assertTrue(ms < 2500, "the check waited " + ms + " ms despite a 300 ms timeout");
    }

    @Test
    void slowButInTimeWarns() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("warn-latency-ms", 100L);
        Result r = check(url("/slow?400"), s);
        assertEquals(Status.WARN, r.status(), r.toString());
        assertTrue(r.message().contains("more than 100 ms"), r.message());
    }

    @Test
    void connectionRefusedFails() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Result r = check("http://127.0.0.1:" + port + "/health", Map.of());
        assertEquals(Status.FAIL, r.status(), r.toString());
        assertTrue(r.message().contains("connection refused"), r.message());
    }

    @Test
    void skipsWithoutAConfiguredUrl() {
        Result r = check(null, Map.of());
        assertEquals(Status.SKIP, r.status());
        assertTrue(r.message().contains(":health-url"), r.message());
    }

    @Test
    void monitoringHooksIsAlwaysInfoWithAdvice() {
        Result r = new CheckRunner(root).one(new MonitoringHooksCheck());
        assertEquals(Status.INFO, r.status());
        assertTrue(r.fix().contains("d/listen!"), r.fix());
    }
}
