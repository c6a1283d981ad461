package org.opennessledger.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * openapi.yaml from the classpath: the bytes served verbatim and the contract that validates
 * requests, both from the same resource (read from the jar, never from the working directory).
 */
public record OpenApiDescription(Buffer yaml, OpenAPIContract contract) {

    public static final String RESOURCE = "openapi.yaml";

    public static Future<OpenApiDescription> load(Vertx vertx) {
        return vertx.executeBlocking(OpenApiDescription::readResource)
                .compose(bytes -> OpenAPIContract.from(vertx, withoutUnsupportedResponseTypes(parse(bytes)))
                        .map(contract -> new OpenApiDescription(bytes, contract)));
    }

    static Buffer readResource() throws IOException {
        try (InputStream in = OpenApiDescription.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the classpath");
            }
            return Buffer.buffer(in.readAllBytes());
        }
    }

    /** YAML to JSON: safe constructor only, keys as text (a YAML key like 200 is a number). */
    public static JsonObject parse(Buffer yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml.toString());
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalStateException(RESOURCE + " is not a YAML mapping");
        }
        return new JsonObject(toJson(map));
    }

    /**
     * The description as the request validator gets it. vertx-openapi 5.0 refuses contracts whose
     * responses use media types it cannot validate (such as application/problem+json); the gateway
     * validates requests only, so those response media types are dropped from its copy. Clients
     * get the full description.
     */
    static JsonObject withoutUnsupportedResponseTypes(JsonObject description) {
        JsonObject copy = description.copy();
        JsonObject components = copy.getJsonObject("components", new JsonObject());
        components.getJsonObject("responses", new JsonObject()).forEach(e -> dropUnsupported(e.getValue()));
        copy.getJsonObject("paths", new JsonObject()).forEach(path -> {
            if (path.getValue() instanceof JsonObject item) {
                item.forEach(operation -> {
                    if (operation.getValue() instanceof JsonObject op && op.getValue("responses") instanceof JsonObject rs) {
                        rs.forEach(response -> dropUnsupported(response.getValue()));
                    }
                });
            }
        });
        return copy;
    }

    private static void dropUnsupported(Object response) {
        if (response instanceof JsonObject r && r.getValue("content") instanceof JsonObject content) {
            content.fieldNames().removeIf(type -> !MediaType.isMediaTypeSupported(type));
            if (content.isEmpty()) {
                r.remove("content");
            }
        }
    }

    private static Map<String, Object> toJson(Map<?, ?> yaml) {
        Map<String, Object> json = new LinkedHashMap<>();
        yaml.forEach((key, value) -> json.put(String.valueOf(key), toJsonValue(value)));
        return json;
    }

    private static Object toJsonValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return toJson(map);
        }
        if (value instanceof List<?> list) {
            List<Object> json = new ArrayList<>(list.size());
            list.forEach(item -> json.add(toJsonValue(item)));
            return json;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value;
    }
}
