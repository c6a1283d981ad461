package org.opennessledger.claims;

import java.lang.reflect.Executable;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.values.AggregateCommand;

/**
 * Turns "no such aggregate" into CommandRejected NOT_FOUND, so that a release for an unknown model,
 * a review of an unknown claim or a move on an unknown dispute gets the same precise refusal as every
 * other domain rule. Claims and disputes share one id space (UUIDs), so an id of the wrong kind (a
 * dispute id where a claim id belongs) is just as unknown: Axon reports it as an incompatible
 * aggregate, and it is translated the same way. Which kind a command addresses is read from the
 * aggregates' own {@link CommandHandler} signatures, so a new command needs no entry here.
 */
public class UnknownAggregateTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Command type to the refusal for an id that names no aggregate of the kind that handles it. */
    private final Map<Class<?>, String> notFoundFormats = new HashMap<>();

    /** @param notFoundFormats per aggregate class, the message for an unknown id ({@code %s} = the id) */
    public UnknownAggregateTranslator(Map<Class<?>, String> notFoundFormats) {
        notFoundFormats.forEach((aggregate, format) -> Stream.concat(
                        Stream.of(aggregate.getDeclaredMethods()), Stream.of(aggregate.getDeclaredConstructors()))
                .filter(handler -> handler.isAnnotationPresent(CommandHandler.class))
                .map(UnknownAggregateTranslator::commandType)
                .forEach(command -> this.notFoundFormats.put(command, format)));
    }

    private static Class<?> commandType(Executable handler) {
        return handler.getParameterTypes()[0];
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            Object payload = unitOfWork.getMessage().getPayload();
            String format = notFoundFormats.get(payload.getClass());
            if (format == null || !(payload instanceof AggregateCommand command)) {
                throw e;
            }
            throw CommandRejected.notFound(String.format(format, command.aggregateId()));
        }
    }
}
