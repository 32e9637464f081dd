package io.cmlfleet.bootstrap.diagnostics;

import java.util.regex.Pattern;

/** A JDBC URL fit for a log: a password in it, as a parameter or as {@code user:password@}, becomes {@code ***}. */
final class MaskedUrl {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");

    private MaskedUrl() {
    }

    static String of(String text) {
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }
}
