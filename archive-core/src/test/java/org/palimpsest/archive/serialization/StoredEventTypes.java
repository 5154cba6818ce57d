package org.palimpsest.archive.serialization;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;

/**
 * The event classes a module stores, found in its compiled classes instead of listed by hand, so that a new event
 * cannot slip past the golden-JSON tests: every class carrying {@link Revision}, and every type of the module
 * that an {@link EventSourcingHandler} or {@link EventHandler} takes first (a sealed interface stands for all the
 * records it permits). A handler's event without {@code @Revision} is found too, and the tests refuse it.
 */
public final class StoredEventTypes {

    private StoredEventTypes() {
    }

    /** The event classes declared under {@code basePackage} in the main (not test) classes, sorted by name. */
    public static List<Class<?>> declaredIn(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        Set<Class<?>> found = new TreeSet<>(Comparator.comparing(Class::getName));
        classes.stream().filter(c -> c.isAnnotatedWith(Revision.class)).map(JavaClass::reflect).forEach(found::add);
        classes.stream()
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(EventSourcingHandler.class) || m.isAnnotatedWith(EventHandler.class))
                .map(StoredEventTypes::firstParameter)
                .filter(type -> type.getPackageName().startsWith(basePackage))
                .flatMap(type -> permitted(type.reflect()))
                .forEach(found::add);
        return List.copyOf(found);
    }

    private static JavaClass firstParameter(JavaMethod handler) {
        if (handler.getRawParameterTypes().isEmpty()) {
            throw new IllegalStateException(handler.getFullName() + " handles no event");
        }
        return handler.getRawParameterTypes().get(0);
    }

    private static Stream<Class<?>> permitted(Class<?> type) {
        if (!type.isSealed()) {
            return Stream.of(type);
        }
        return Stream.of(type.getPermittedSubclasses()).flatMap(StoredEventTypes::permitted);
    }
}
