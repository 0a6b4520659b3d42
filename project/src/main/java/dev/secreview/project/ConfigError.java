package dev.secreview.project;

/**
 * A configuration that cannot be used: a bad value in a configuration file, an unknown rule name, a glob that names
 * nothing. Its message names the file or option, the key and what is allowed; the command prints it as one error line.
 */
public final class ConfigError extends RuntimeException {

    public ConfigError(String message) {
        super(message);
    }
}
