package org.opennessledger.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a request's parameters and body against its operation in openapi.yaml and turns every
 * violation into a 400 that names the field. It runs after authentication: an anonymous write is a
 * 401 whatever its body.
 */
public final class RequestValidationHandler implements Handler<RoutingContext> {

    private static final Pattern PARAMETER_MESSAGE =
            Pattern.compile("^The value of (\\w+) parameter (\\S+) is invalid");
    private static final Pattern REQUIRED_PROPERTY =
            Pattern.compile("^Instance does not have required property \"(.*)\"$");
    private static final Pattern ADDITIONAL_PROPERTY =
            Pattern.compile("^Property \"(.*)\" does not match additional properties schema$");
    private static final Pattern WRAPPER = Pattern.compile("^Property \"(.*)\" does not match schema$"
            + "|^Item \\d+ does not match schema$|^Instance does not match (all|any) schemas?.*$"
            + "|^Schema .* does not match$|^A subschema had errors$|^Items did not match schema$");

    private static final String UNKNOWN_PROPERTY = "is not a known property";

    private final RequestValidator validator;
    private final Operation operation;

    public RequestValidationHandler(RequestValidator validator, Operation operation) {
        this.validator = validator;
        this.operation = operation;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RequestUtils.extract(ctx.request(), operation, () -> Future.succeededFuture(ctx.body().buffer()))
                .compose(request -> validator.validate(request, operation.getOperationId()))
                .onSuccess(validated -> ctx.next())
                .onFailure(error -> ctx.fail(toProblem(error)));
    }

    static Throwable toProblem(Throwable error) {
        if (error instanceof SchemaValidationException schema) {
            return schemaProblem(schema);
        }
        if (error instanceof ValidatorException validation) {
            return switch (validation.type()) {
                case UNSUPPORTED_VALUE_FORMAT -> new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "Send the body as application/json.");
                case ILLEGAL_VALUE -> new ApiException(ProblemType.INVALID_REQUEST,
                        "The request could not be decoded: " + validation.getMessage());
                case MISSING_REQUIRED_PARAMETER -> new ApiException(ProblemType.INVALID_REQUEST,
                        validation.getMessage().contains("body")
                                ? "A JSON body is required." : validation.getMessage());
                default -> new ApiException(ProblemType.INVALID_REQUEST, validation.getMessage());
            };
        }
        return error;
    }

    private static ApiException schemaProblem(SchemaValidationException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher parameter = PARAMETER_MESSAGE.matcher(message);
        List<FieldError> errors = new ArrayList<>();
        if (parameter.find()) {
            String name = parameter.group(1) + " parameter " + parameter.group(2);
            for (OutputUnit unit : leaves(e.getOutputUnit())) {
                errors.add(new FieldError(name, unit.getError()));
            }
            if (errors.isEmpty()) {
                errors.add(new FieldError(name, "is invalid"));
            }
        } else {
            for (OutputUnit unit : leaves(e.getOutputUnit())) {
                errors.add(bodyError(unit));
            }
            if (errors.isEmpty()) {
                errors.add(new FieldError("/", message));
            }
        }
        List<FieldError> distinct = withoutEchoes(List.copyOf(new LinkedHashSet<>(errors)));
        String detail = distinct.stream().map(f -> f.pointer() + ": " + f.detail())
                .collect(Collectors.joining("; ", "The request is invalid: ", "."));
        return new ApiException(ProblemType.INVALID_REQUEST, detail, distinct);
    }

    /**
     * The validator also reports a declared property whose value failed as "not matching
     * additionalProperties"; that echo would mislead, so it is dropped where a precise error on the
     * same field (or inside it) exists.
     */
    private static List<FieldError> withoutEchoes(List<FieldError> errors) {
        return errors.stream().filter(error -> !UNKNOWN_PROPERTY.equals(error.detail()) || errors.stream()
                .noneMatch(other -> other != error && !UNKNOWN_PROPERTY.equals(other.detail())
                        && (other.pointer().equals(error.pointer()) || other.pointer().startsWith(error.pointer() + "/"))))
                .toList();
    }

    private static FieldError bodyError(OutputUnit unit) {
        String location = pointer(unit.getInstanceLocation());
        String error = unit.getError();
        Matcher required = REQUIRED_PROPERTY.matcher(error);
        if (required.matches()) {
            return new FieldError(child(location, required.group(1)), "is required");
        }
        Matcher additional = ADDITIONAL_PROPERTY.matcher(error);
        if (additional.matches()) {
            String at = location.endsWith("/" + additional.group(1)) ? location : child(location, additional.group(1));
            return new FieldError(at, UNKNOWN_PROPERTY);
        }
        return new FieldError(location, error);
    }

    /** The errors that say what is wrong, without the wrappers that only say where an error sits. */
    private static List<OutputUnit> leaves(OutputUnit root) {
        List<OutputUnit> all = new ArrayList<>();
        collect(root, all, new LinkedHashSet<>());
        List<OutputUnit> specific = all.stream().filter(u -> !WRAPPER.matcher(u.getError()).matches()).toList();
        return specific.isEmpty() ? all : specific;
    }

    private static void collect(OutputUnit unit, List<OutputUnit> into, Set<OutputUnit> seen) {
        if (unit == null || !seen.add(unit)) {
            return;
        }
        if (unit.getError() != null) {
            into.add(unit);
        }
        if (unit.getErrors() != null) {
            for (OutputUnit child : unit.getErrors()) {
                collect(child, into, seen);
            }
        }
    }

    private static String pointer(String instanceLocation) {
        if (instanceLocation == null || instanceLocation.isEmpty() || instanceLocation.equals("#")) {
            return "/";
        }
        String p = instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
        return p.isEmpty() ? "/" : p;
    }

    private static String child(String location, String property) {
        String escaped = property.replace("~", "~0").replace("/", "~1");
        return location.equals("/") ? "/" + escaped : location + "/" + escaped;
    }
}
