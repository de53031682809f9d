package dev.dlvaudit.checks.ops;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@CheckSpec(
        id = "ops.health-endpoint",
        title = "The application's health endpoint answers",
        severity = Severity.FAIL,
        scope = Scope.HOST,
        rationale = "Datalevin's production checklist asks for a /health endpoint that runs a trivial query, so that"
                + " a load balancer or monitor notices when the database stops answering (map full, reader table"
                + " full, a stuck writer). dlv-audit calls it when the policy names it.",
        reads = "the policy's :health-url (HTTP GET, no redirects followed)",
        thresholds = "FAIL when the status is not 2xx, the request times out or the connection is refused; WARN when"
                + " it answers slower than warn-latency-ms (1000); SKIP when no :health-url is configured. Policy"
                + " keys (under :checks \"ops.health-endpoint\"): timeout-ms (5000), warn-latency-ms (1000).",
        fix = "Serve a /health route that runs a trivial query (e.g. (d/q '[:find ?e . :where [?e :db/ident]] (d/db"
                + " conn))) and answers 200, and set :health-url in the policy.",
        sources = {"Datalevin production checklist: health endpoint"})
public final class HealthEndpointCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) throws InterruptedException {
        Optional<Object> configured = context.settings().get("health-url");
        if (configured.isEmpty()) {
            return List.of(Finding.skip("no :health-url in the policy; set one to have dlv-audit call the"
                    + " application's health endpoint"));
        }
        String url = configured.get().toString();
        long timeoutMs = context.settings().getLong("timeout-ms", 5000);
        long warnMs = context.settings().getLong("warn-latency-ms", 1000);
        String fix = "make " + url + " run a trivial query and answer 200 within " + warnMs + " ms; check the"
                + " application's log and that the database answers (dlv-audit check on its directory)";
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(timeoutMs))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(timeoutMs))
                .header("User-Agent", "dlv-audit").GET().build();
        long start = System.nanoTime();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpConnectTimeoutException e) {
            return List.of(failed(url, "no connection within " + timeoutMs + " ms", "connect timeout", fix));
        } catch (HttpTimeoutException e) {
            return List.of(failed(url, "no answer within " + timeoutMs + " ms", "timeout after " + timeoutMs + " ms", fix));
        } catch (ConnectException e) {
            return List.of(failed(url, "connection refused: nothing listens there", "connection refused", fix));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return List.of(failed(url, "the request failed: " + reason, reason, fix));
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int status = response.statusCode();
        String evidence = "GET " + url + " → HTTP " + status + " in " + ms + " ms";
        String expected = "HTTP 2xx within " + warnMs + " ms";
        if (status < 200 || status > 299) {
            return List.of(Finding.fail("the health endpoint answered HTTP " + status)
                    .observed("HTTP " + status + " in " + ms + " ms").expected(expected).evidence(evidence).fix(fix));
        }
        if (ms > warnMs) {
            return List.of(Finding.warn("the health endpoint answered HTTP " + status + " but took " + ms
                    + " ms (more than " + warnMs + " ms)")
                    .observed("HTTP " + status + " in " + ms + " ms").expected(expected).evidence(evidence).fix(fix));
        }
        return List.of(Finding.pass("the health endpoint answered HTTP " + status + " in " + ms + " ms")
                .observed("HTTP " + status + " in " + ms + " ms").expected(expected).evidence(evidence));
    }

    private static Finding failed(String url, String message, String observed, String fix) {
        return Finding.fail("the health endpoint did not answer: " + message)
                .observed(observed).expected("HTTP 2xx").evidence("GET " + url).fix(fix);
    }
}
