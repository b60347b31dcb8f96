package diemcau.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an event file (format: {@code src/main/resources/event/README.md}). Every way of loading
 * either returns a complete, checked {@link Event} or throws an {@link EventFileException} listing
 * every problem found.
 */
public final class EventLoader {

  /** The shipped event, Hải Phòng 2026, on the classpath. */
  public static final String DEFAULT_RESOURCE = "event/haiphong-2026.json";

  private EventLoader() {
  }

  public static Event loadDefault() {
    String source = "classpath:" + DEFAULT_RESOURCE;
    try (InputStream in = EventLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw fileProblem(source, "not found on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw fileProblem(source, "cannot be read: " + e.getMessage());
    }
  }

  public static Event load(Path file) {
    String source = file.toString();
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw fileProblem(source, "no such file");
    } catch (CharacterCodingException e) {
      throw fileProblem(source, "is not UTF-8 text");
    } catch (IOException e) {
      throw fileProblem(source, "cannot be read: " + e);
    }
    return parse(json, source);
  }

  /** Parses and checks the JSON text of an event file; {@code sourceName} prefixes the error lines. */
  public static Event parse(String json, String sourceName) {
    if (json == null || json.isBlank()) {
      throw fileProblem(sourceName, "is empty; expected a JSON object");
    }
    if (json.startsWith("\uFEFF")) {
      json = json.substring(1);
    }
    String syntaxError = syntaxError(json);
    if (syntaxError != null) {
      throw fileProblem(sourceName, "is not valid JSON: " + syntaxError);
    }
    Object value;
    try {
      value = Json.decodeValue(json);
    } catch (DecodeException e) {
      throw fileProblem(sourceName, "is not valid JSON: " + e.getMessage());
    }
    if (!(value instanceof JsonObject root)) {
      throw fileProblem(sourceName, "must be a JSON object {...}, not "
          + (value instanceof JsonArray ? "a list" : String.valueOf(value)));
    }
    EventReader reader = new EventReader();
    Event event = reader.read(root);
    if (!reader.problems().isEmpty()) {
      throw new EventFileException(sourceName, reader.problems());
    }
    return event;
  }

  /**
   * The parser's complaint about the text, with its line and column, or null when it is one
   * well-formed JSON value. A field given twice in one object counts as an error: otherwise the
   * last one would silently win.
   */
  private static String syntaxError(String json) {
    JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    try (JsonParser parser = factory.createParser(json)) {
      parser.nextToken();
      parser.skipChildren();
      if (parser.nextToken() != null) {
        return "more text after the end of the JSON value" + where(parser.currentTokenLocation());
      }
      return null;
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage() + where(e.getLocation());
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private static String where(JsonLocation location) {
    return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static EventFileException fileProblem(String source, String message) {
    return new EventFileException(source, List.of(new Problem("$", message)));
  }
}
