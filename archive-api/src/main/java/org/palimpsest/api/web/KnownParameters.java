package org.palimpsest.api.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter the matched handler does not declare is refused with 400 naming it, and so is a single-valued
 * parameter given twice: silently dropped, {@code ?langauge=ko} answered every document as if unfiltered, and
 * {@code ?page=1&page=2} bound one of them. What a handler declares is read from its method, once per method:
 * {@code @RequestParam} names, simple parameters bound by name, and the components or properties of a
 * {@code @ModelAttribute}; a {@code @RequestParam Map} takes any name. So every endpoint of the archive is covered,
 * and a new one is covered without a list to keep. Handlers outside the application's own packages (the OpenAPI document,
 * Swagger UI, actuator) take parameters of their own and are left alone.
 */
@Component
class KnownParameters implements WebMvcConfigurer, HandlerInterceptor {

    /** {@code org.palimpsest.api.}: this package's parent, where every controller of the archive lives. */
    private static final String APPLICATION_PACKAGE = KnownParameters.class.getPackageName()
            .substring(0, KnownParameters.class.getPackageName().lastIndexOf('.') + 1);

    /** The parameters a handler method declares, with whether each may repeat; null for "any name". */
    private record Declared(@Nullable Map<String, Boolean> repeatable) {
    }

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<HandlerMethod, Declared> declared = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST
                || !method.getBeanType().getName().startsWith(APPLICATION_PACKAGE)) {
            return true;
        }
        Map<String, Integer> given = queryNames(request.getQueryString());
        if (given.isEmpty()) {
            return true;
        }
        Map<String, Boolean> known = declared.computeIfAbsent(method.getResolvedFromHandlerMethod() != null
                ? method.getResolvedFromHandlerMethod() : method, KnownParameters::declaredBy).repeatable();
        if (known == null) {
            return true;
        }
        for (Map.Entry<String, Integer> parameter : given.entrySet()) {
            String name = parameter.getKey();
            if (name.isEmpty()) {
                throw new BadRequestException(HttpStatus.BAD_REQUEST, null, "the query has a parameter without a name");
            }
            Boolean repeatable = known.get(name);
            if (repeatable == null) {
                throw new BadRequestException(HttpStatus.BAD_REQUEST, name, "unknown query parameter " + quoted(name)
                        + (known.isEmpty() ? "; this endpoint takes none" : "; this endpoint takes "
                        + String.join(", ", new TreeSet<>(known.keySet()))));
            }
            if (!repeatable && parameter.getValue() > 1) {
                throw new BadRequestException(HttpStatus.BAD_REQUEST, name, name + " is given "
                        + parameter.getValue() + " times; it takes one value");
            }
        }
        return true;
    }

    /**
     * The names in a query string and how often each occurs. Only the query counts: a form body's fields are no
     * parameters of these endpoints, and those that take a body refuse that content type.
     */
    private static Map<String, Integer> queryNames(@Nullable String query) {
        Map<String, Integer> names = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String raw = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            try {
                name = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(HttpStatus.BAD_REQUEST, null,
                        "the query string is not valid percent-encoded UTF-8");
            }
            names.merge(name, 1, Integer::sum);
        }
        return names;
    }

    private static Declared declaredBy(HandlerMethod method) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            Class<?> type = parameter.getNestedParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            ModelAttribute model = parameter.getParameterAnnotation(ModelAttribute.class);
            if (param != null) {
                if (Map.class.isAssignableFrom(type) && !StringUtils.hasText(param.name())) {
                    return new Declared(null);
                }
                names.put(StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName(), repeats(type));
            } else if (model != null) {
                properties(type).forEach(property -> names.put(property, false));
            } else if (parameter.getParameterAnnotations().length == 0 && BeanUtils.isSimpleProperty(type)
                    && parameter.getParameterName() != null) {
                // Spring MVC binds an unannotated simple parameter by its name, as if it were a @RequestParam.
                names.put(parameter.getParameterName(), repeats(type));
            }
        }
        return new Declared(names);
    }

    private static boolean repeats(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type);
    }

    private static Set<String> properties(Class<?> type) {
        Set<String> properties = new TreeSet<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.add(component.getName());
            }
        } else {
            for (var descriptor : BeanUtils.getPropertyDescriptors(type)) {
                if (descriptor.getWriteMethod() != null) {
                    properties.add(descriptor.getName());
                }
            }
        }
        return properties;
    }

    private static String quoted(String name) {
        String shown = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        return "'" + shown + "'";
    }
}
