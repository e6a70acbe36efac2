package io.crawlseq.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https through the address pin: the connection goes to the pinned loopback address while TLS
 * (SNI, certificate check) and HTTP/2 (ALPN) work with the URL's host name. The server is Jetty
 * (h2 + http/1.1) with a certificate for news.fixture.test made by keytool.
 */
class TlsAndHttp2Test {

    private static final String PASSWORD = "fixture-password";
    private static Server server;
    private static int port;
    private static SSLContext trustingFixture;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=news.fixture.test", "-ext", "SAN=dns:news.fixture.test", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("fixture", keys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trustingFixture = SSLContext.getInstance("TLS");
        trustingFixture.init(null, tmf.getTrustManagers(), null);

        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new SecureRequestCustomizer());
        HttpConnectionFactory http11 = new HttpConnectionFactory(config);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keystore.toString());
        ssl.setKeyStorePassword(PASSWORD);
        ssl.setKeyStoreType("PKCS12");
        ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, http11);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                String body = "<p>" + request.getConnectionMetaData().getProtocol() + " " + request.getHttpURI().getHost() + "</p>";
                Content.Sink.write(response, true, body, callback);
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
    }

    private static HttpFetcher fetcher(SSLContext ssl) {
        HostResolver fixtureNames = host -> {
            if (host.endsWith(".fixture.test")) {
                return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
            }
            throw new UnknownHostException(host);
        };
        FetchPolicy policy = FetchPolicy.defaults().resolver(fixtureNames)
                .allowList(AllowList.parse(List.of("news.fixture.test:" + port, "other.fixture.test:" + port)).allowList())
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        return new HttpFetcher(ssl == null ? policy : policy.sslContext(ssl), new ManualClock(), null);
    }

    private static FetchResult get(HttpFetcher fetcher, String host) {
        return fetcher.fetch(FetchRequest.page(UrlParser.parse("https://" + host + ":" + port + "/").orElseThrow()));
    }

    @Test
    void fetch_speaksHttp2OverTlsToThePinnedAddressWithTheHostsCertificate() {
        try (HttpFetcher fetcher = fetcher(trustingFixture)) {
            FetchResult result = get(fetcher, "news.fixture.test");

            assertThat(result.outcome()).isEqualTo(FetchOutcome.OK);
            assertThat(result.httpVersion()).isEqualTo("HTTP/2");
            assertThat(result.text()).isEqualTo("<p>HTTP/2.0 news.fixture.test</p>");
        }
    }

    @Test
    void fetch_refusesACertificateForAnotherHostEvenAtThePinnedAddress() {
        try (HttpFetcher fetcher = fetcher(trustingFixture)) {
            FetchResult result = get(fetcher, "other.fixture.test");

            assertThat(result.outcome()).isEqualTo(FetchOutcome.NETWORK_ERROR);
            assertThat(result.detail()).startsWith("TLS:");
            assertThat(result.retryable()).isFalse();
        }
    }

    @Test
    void fetch_refusesAnUntrustedCertificate() {
        try (HttpFetcher fetcher = fetcher(null)) {
            FetchResult result = get(fetcher, "news.fixture.test");

            assertThat(result.outcome()).isEqualTo(FetchOutcome.NETWORK_ERROR);
            assertThat(result.detail()).startsWith("TLS:");
        }
    }
}
