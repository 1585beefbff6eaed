package com.arbalert.bot.config;

import static com.arbalert.bot.config.ConfigBinder.bindConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.bootstrap.Bootstrap;
import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every supported setter type, the three sources in order, and the errors a user sees. */
class ConfigBinderTest {

    public static class SampleConfig {
        private String name = "default-name";
        private int count = 1;
        private long big = 2;
        private boolean enabled;
        private double ratio = 0.5;
        private BigDecimal price = new BigDecimal("1.00");
        private Duration timeout = Duration.ofSeconds(30);
        private Path dir = Path.of("data");
        private URI endpoint = URI.create("http://localhost");
        private List<Long> ids = List.of();
        private List<String> tags = List.of("a");
        private DataSize buffer = DataSize.ofMebibytes(1);
        private String password;
        private int low = 1;
        private int high = 10;

        public String getName() { return name; }
        @Config("SAMPLE_NAME") public void setName(String v) { name = v; }
        public int getCount() { return count; }
        @Config("SAMPLE_COUNT") public void setCount(int v) { count = v; }
        public long getBig() { return big; }
        @Config("SAMPLE_BIG") public void setBig(long v) { big = v; }
        public boolean isEnabled() { return enabled; }
        @Config("SAMPLE_ENABLED") public void setEnabled(boolean v) { enabled = v; }
        public double getRatio() { return ratio; }
        @Config("SAMPLE_RATIO") public void setRatio(double v) { ratio = v; }
        public BigDecimal getPrice() { return price; }
        @Config("SAMPLE_PRICE") public void setPrice(BigDecimal v) { price = v; }
        public Duration getTimeout() { return timeout; }
        @Config("SAMPLE_TIMEOUT") public void setTimeout(Duration v) { timeout = v; }
        public Path getDir() { return dir; }
        @Config("SAMPLE_DIR") public void setDir(Path v) { dir = v; }
        public URI getEndpoint() { return endpoint; }
        @Config("SAMPLE_ENDPOINT") public void setEndpoint(URI v) { endpoint = v; }
        public List<Long> getIds() { return ids; }
        @Config("SAMPLE_IDS") public void setIds(List<Long> v) { ids = v; }
        public List<String> getTags() { return tags; }
        @Config("SAMPLE_TAGS") public void setTags(List<String> v) { tags = v; }
        public DataSize getBuffer() { return buffer; }
        @Config("SAMPLE_BUFFER") public void setBuffer(DataSize v) { buffer = v; }
        public String getPassword() { return password; }
        @Config("SAMPLE_PASSWORD") @ConfigSecret public void setPassword(String v) {
            if (v.length() < 6) {
                throw new IllegalArgumentException("must be at least 6 characters long");
            }
            password = v;
        }
        public int getLow() { return low; }
        @Config("SAMPLE_LOW") public void setLow(int v) { low = v; }
        public int getHigh() { return high; }
        @Config("SAMPLE_HIGH") public void setHigh(int v) { high = v; }

        public void validate() {
            if (low > high) {
                throw new IllegalArgumentException("SAMPLE_LOW (" + low + ") must not exceed SAMPLE_HIGH (" + high + ")");
            }
        }
    }

    static final class SampleModule extends AbstractModule {
        @Override
        protected void configure() {
            bindConfig(binder(), SampleConfig.class);
        }
    }

    private static SampleConfig load(Map<String, String> file, Map<String, String> env) {
        Injector injector = new Bootstrap(List.of(new SampleModule())).initialize(new ConfigSources(file, "bot.properties", env));
        SampleConfig config = injector.getInstance(SampleConfig.class);
        assertThat(injector.getInstance(SampleConfig.class)).isSameAs(config);
        return config;
    }

    @Test
    void defaultsComeFromTheFields() {
        SampleConfig c = load(Map.of(), Map.of());
        assertThat(c.getName()).isEqualTo("default-name");
        assertThat(c.getTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.getBuffer()).isEqualTo(DataSize.ofMebibytes(1));
        assertThat(c.getIds()).isEmpty();
        assertThat(c.getPassword()).isNull();
    }

    @Test
    void everySupportedTypeIsMapped() {
        SampleConfig c = load(Map.ofEntries(
                Map.entry("SAMPLE_NAME", " bob "),
                Map.entry("SAMPLE_COUNT", "42"),
                Map.entry("SAMPLE_BIG", "9000000000"),
                Map.entry("SAMPLE_ENABLED", "true"),
                Map.entry("SAMPLE_RATIO", "0.25"),
                Map.entry("SAMPLE_PRICE", "12.34"),
                Map.entry("SAMPLE_TIMEOUT", "15m"),
                Map.entry("SAMPLE_DIR", "/var/lib/bot"),
                Map.entry("SAMPLE_ENDPOINT", "https://example.org:8443"),
                Map.entry("SAMPLE_IDS", "1, 22,333"),
                Map.entry("SAMPLE_TAGS", "x,y"),
                Map.entry("SAMPLE_BUFFER", "512MiB"),
                Map.entry("SAMPLE_PASSWORD", "s3cret-value")), Map.of());
        assertThat(c.getName()).isEqualTo("bob");
        assertThat(c.getCount()).isEqualTo(42);
        assertThat(c.getBig()).isEqualTo(9_000_000_000L);
        assertThat(c.isEnabled()).isTrue();
        assertThat(c.getRatio()).isEqualTo(0.25);
        assertThat(c.getPrice()).isEqualByComparingTo("12.34");
        assertThat(c.getTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.getDir()).isEqualTo(Path.of("/var/lib/bot"));
        assertThat(c.getEndpoint()).isEqualTo(URI.create("https://example.org:8443"));
        assertThat(c.getIds()).containsExactly(1L, 22L, 333L);
        assertThat(c.getTags()).containsExactly("x", "y");
        assertThat(c.getBuffer().bytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(c.getPassword()).isEqualTo("s3cret-value");
    }

    @Test
    void environmentBeatsFileBeatsDefaultAndOtherVariablesAreIgnored() {
        SampleConfig c = load(
                Map.of("SAMPLE_NAME", "from-file", "SAMPLE_COUNT", "5"),
                Map.of("SAMPLE_NAME", "from-env", "PATH", "/usr/bin", "HOME", "/root", "SAMPLE_TAGS", ""));
        assertThat(c.getName()).isEqualTo("from-env");
        assertThat(c.getCount()).isEqualTo(5);
        assertThat(c.getRatio()).isEqualTo(0.5);
        // an empty variable counts as unset, so the default stays
        assertThat(c.getTags()).containsExactly("a");
    }

    @Test
    void unknownKeyInTheFileIsAnErrorNamingIt() {
        assertThatThrownBy(() -> load(Map.of("SAMPLE_NAEM", "typo"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SAMPLE_NAEM: unknown configuration key in bot.properties");
    }

    @Test
    void badValuesAreReportedTogetherEachWithKeyAndValue() {
        assertThatThrownBy(() -> load(Map.of("SAMPLE_COUNT", "many", "SAMPLE_IDS", "1,two", "SAMPLE_TIMEOUT", "soon"), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "SAMPLE_COUNT: 'many' is not a whole number (value 'many')",
                        "SAMPLE_IDS: 'two' is not a whole number (value '1,two')",
                        "SAMPLE_TIMEOUT: is not a duration; write it like 250ms, 90s, 15m, 3h, 2d or PT3H (value 'soon')"));
    }

    @Test
    void aRefusedSecretIsNotEchoed() {
        assertThatThrownBy(() -> load(Map.of(), Map.of("SAMPLE_PASSWORD", "abc")))
                .hasMessage("SAMPLE_PASSWORD: must be at least 6 characters long (value '****')");
    }

    @Test
    void validateChecksAcrossFields() {
        assertThatThrownBy(() -> load(Map.of("SAMPLE_LOW", "20"), Map.of()))
                .hasMessage("SAMPLE_LOW (20) must not exceed SAMPLE_HIGH (10)");
    }

    @Test
    void durationsAndSizesReadTheUsualForms() {
        assertThat(ConfigDurations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ConfigDurations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ConfigDurations.parse("3h")).isEqualTo(Duration.ofHours(3));
        assertThat(ConfigDurations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(ConfigDurations.parse("PT3H")).isEqualTo(Duration.ofHours(3));
        assertThat(ConfigDurations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(ConfigDurations.format(Duration.ofMinutes(120))).isEqualTo("2h");
        assertThat(DataSize.parse("1GiB").bytes()).isEqualTo(1L << 30);
        assertThat(DataSize.parse("64KiB").bytes()).isEqualTo(65536);
        assertThat(DataSize.parse("4096").bytes()).isEqualTo(4096);
        assertThat(DataSize.ofKibibytes(64)).hasToString("64KiB");
        assertThatThrownBy(() -> DataSize.parse("lots")).hasMessageContaining("not a data size");
        assertThatThrownBy(() -> ConfigDurations.parse("3 weeks")).hasMessageContaining("not a duration");
    }
}
