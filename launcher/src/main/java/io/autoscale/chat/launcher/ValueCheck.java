package io.autoscale.chat.launcher;

import java.util.Arrays;
import java.util.Locale;

/**
 * Checks a value from the environment or a properties file against its option's type before picocli converts
 * it, so that the error can name the variable or the file key instead of only the option.
 */
final class ValueCheck {

    private ValueCheck() {
    }

    /** {@code null} when {@code value} converts to {@code type}; otherwise what is wrong with it. */
    static String problem(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(value);
            } else if (type == double.class || type == Double.class) {
                Double.parseDouble(value);
            } else if (type == boolean.class || type == Boolean.class) {
                return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null
                        : "'" + value + "' is not true or false";
            } else if (type.isEnum()) {
                return enumProblem(type, value);
            }
            return null;
        } catch (NumberFormatException e) {
            boolean decimal = type == double.class || type == Double.class;
            return "'" + value + "' is not " + (decimal ? "a number" : "a whole number (" + typeName(type) + ")");
        }
    }

    private static String enumProblem(Class<?> type, String value) {
        boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(constant ->
                constant.toString().equalsIgnoreCase(value) || ((Enum<?>) constant).name().equalsIgnoreCase(value));
        return known ? null : "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants());
    }

    private static String typeName(Class<?> type) {
        return type.isPrimitive() ? type.getName() : type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
