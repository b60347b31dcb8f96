package diemcau.support;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Blocking REST calls against a test server. */
public final class Rest {

  /** A status and its JSON body. */
  public record Reply(int status, JsonObject body) {}

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Rest() {}

  public static Reply command(int port, String token, String name, JsonObject args) throws Exception {
    JsonObject body = new JsonObject().put("name", name).put("args", args == null ? new JsonObject() : args);
    return post(port, "/api/commands", token, body.encode());
  }

  public static Reply post(int port, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  public static Reply get(int port, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static Reply reply(HttpResponse<String> response) {
    String text = response.body();
    JsonObject json = text != null && text.startsWith("{") ? new JsonObject(text) : new JsonObject().put("text", text);
    return new Reply(response.statusCode(), json);
  }
}
