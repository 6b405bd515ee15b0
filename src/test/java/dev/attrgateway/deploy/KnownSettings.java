package dev.attrgateway.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import dev.attrgateway.config.GatewayConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.common.utils.StringUtil;

/**
 * The settings the application knows, as property names and as the environment variables that set them:
 * the gateway's from its {@code @ConfigMapping}, Quarkus' from the configuration model every Quarkus extension
 * ships ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}, generated from the extensions' config
 * interfaces; it is what the Quarkus configuration reference is built from).
 */
final class KnownSettings {

    /** Where each Quarkus extension jar describes its configuration. */
    static final String QUARKUS_CONFIG_MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");

    /** A property, the pattern of the environment variables that set it, its phase and default. */
    record Setting(String property, Pattern environment, String phase, String defaultValue) {

        boolean setBy(String variable) {
            return environment.matcher(variable).matches();
        }

        /** Quarkus fixes BUILD_TIME and BUILD_AND_RUN_TIME_FIXED properties when the application is built. */
        boolean runTime() {
            return "RUN_TIME".equals(phase);
        }
    }

    private static List<Setting> quarkus;
    private static List<Setting> gateway;

    private KnownSettings() {
    }

    /**
     * The environment form of a property name, as SmallRye Config's environment source matches it: every
     * character that is not a letter or digit becomes {@code _}, then upper case. A map key ({@code "..."} in the
     * Quarkus model, {@code *} in a mapping) or a list index ({@code [*]}) may be anything.
     */
    static Pattern environmentPattern(String property) {
        Matcher wildcard = Pattern.compile("\"[^\"]*\"|\\*|\\[[^]]*]").matcher(property);
        StringBuilder regex = new StringBuilder();
        int start = 0;
        while (wildcard.find()) {
            regex.append(Pattern.quote(toEnvironment(property.substring(start, wildcard.start())))).append(".+");
            start = wildcard.end();
        }
        regex.append(Pattern.quote(toEnvironment(property.substring(start))));
        return Pattern.compile(regex.toString());
    }

    static String toEnvironment(String name) {
        return StringUtil.replaceNonAlphanumericByUnderscores(name).toUpperCase(Locale.ROOT);
    }

    /** Every {@code gateway.*} property, derived from {@link GatewayConfig}'s mapping. */
    static synchronized List<Setting> gateway() {
        if (gateway == null) {
            ConfigMapping mapping = GatewayConfig.class.getAnnotation(ConfigMapping.class);
            List<Setting> settings = new ArrayList<>();
            collect(mapping.prefix(), ConfigMappingInterface.getConfigurationInterface(GatewayConfig.class),
                    settings);
            assertFalse(settings.isEmpty(), "GatewayConfig yields no property");
            gateway = Collections.unmodifiableList(settings);
        }
        return gateway;
    }

    private static void collect(String path, ConfigMappingInterface type, List<Setting> settings) {
        for (ConfigMappingInterface superType : type.getSuperTypes()) {
            collect(path, superType, settings);
        }
        for (Property property : type.getProperties()) {
            if (property.isToStringMethod()) {
                continue;
            }
            String name = property.isParentPropertyName() ? path
                    : path + "." + property.getPropertyName(type.getNamingStrategy());
            collect(name, property, settings);
        }
    }

    private static void collect(String name, Property property, List<Setting> settings) {
        if (property.isDefaultMethod()) {
            collect(name, property.asDefaultMethod().getDefaultProperty(), settings);
        } else if (property.isOptional()) {
            collect(name, property.asOptional().getNestedProperty(), settings);
        } else if (property.isGroup()) {
            collect(name, property.asGroup().getGroupType(), settings);
        } else if (property.isMap()) {
            collect(name + ".*", property.asMap().getValueProperty(), settings);
        } else if (property.isCollection() && property.asCollection().getElement().isGroup()) {
            collect(name + "[*]", property.asCollection().getElement(), settings);
        } else {
            settings.add(new Setting(name, environmentPattern(name), "RUN_TIME",
                    property.hasDefaultValue() ? property.getDefaultValue() : null));
        }
    }

    /** Every Quarkus property of the extensions on the classpath (runtime modules: all run-time properties). */
    static synchronized List<Setting> quarkus() {
        if (quarkus == null) {
            List<Setting> settings = new ArrayList<>();
            int models = 0;
            try {
                for (URL url : Collections.list(KnownSettings.class.getClassLoader().getResources(QUARKUS_CONFIG_MODEL))) {
                    models++;
                    try (InputStream in = url.openStream(); JsonReader reader = Json.createReader(in)) {
                        collect(reader.readValue(), settings);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertFalse(models == 0 || settings.isEmpty(), "no Quarkus configuration model (" + QUARKUS_CONFIG_MODEL
                    + ") on the test classpath: the Quarkus settings cannot be checked");
            quarkus = Collections.unmodifiableList(settings);
        }
        return quarkus;
    }

    // The model nests config roots, sections and properties; a property is any object with a path.
    private static void collect(JsonValue value, List<Setting> settings) {
        if (value instanceof JsonArray array) {
            array.forEach(item -> collect(item, settings));
        } else if (value instanceof JsonObject object) {
            if (object.get("path") instanceof JsonObject path && path.containsKey("property")) {
                String phase = object.getString("phase", null);
                String defaultValue = object.getString("defaultValue", null);
                List<JsonObject> paths = new ArrayList<>(List.of(path));
                if (object.get("additionalPaths") instanceof JsonArray additional) {
                    additional.getValuesAs(JsonObject.class).forEach(paths::add);
                }
                for (JsonObject each : paths) {
                    String property = each.getString("property");
                    settings.add(new Setting(property, environmentPattern(property), phase, defaultValue));
                }
            }
            object.values().forEach(item -> collect(item, settings));
        }
    }

    /** src/main/resources/application.properties, the build's own settings. */
    static Properties applicationProperties() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + APPLICATION_PROPERTIES.toAbsolutePath(), e);
        }
        return properties;
    }

    /** The Quarkus property of this name; fails when no extension on the classpath has it. */
    static Setting quarkusProperty(String property) {
        return quarkus().stream().filter(setting -> setting.property().equals(property)).findFirst()
                .orElseGet(() -> fail("no Quarkus extension on the classpath defines " + property));
    }

    /** The known setting an environment variable sets, if any; a run-time one when there are several. */
    static Optional<Setting> setBy(String variable, List<Setting> settings) {
        return settings.stream().filter(setting -> setting.setBy(variable))
                .min((a, b) -> Boolean.compare(b.runTime(), a.runTime()));
    }
}
