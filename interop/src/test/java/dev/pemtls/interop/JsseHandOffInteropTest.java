package dev.pemtls.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.VerifyMode;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SslContext.trustManager()} and {@code keyManager()} handed to JSSE users that take the
 * managers themselves (OkHttp's two-argument {@code sslSocketFactory}, Netty's {@code
 * SslContextBuilder} on the JDK provider), against openssl as the real peer: mutual TLS works,
 * and a peer from an unknown CA is refused.
 */
@Tag("peer")
class JsseHandOffInteropTest {
  @TempDir static Path dir;
  static TestPki pki;
  static TestPki stranger; // another root nobody here trusts
  static EventLoopGroup group;

  @BeforeAll
  static void setUp() throws Exception {
    pki = TestPki.withIntermediate(dir, "EC");
    stranger = TestPki.withIntermediate(dir.resolve("stranger"), "RSA");
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  }

  @AfterAll
  static void tearDown() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  static SslContext client(TestPki trusted, TestPki identity) throws Exception {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    ctx.loadVerifyLocations(trusted.caFile, null, null);
    ctx.loadCertChain(identity.clientChain, identity.clientKey);
    return ctx;
  }

  /** openssl s_server requiring a client certificate from {@code pki}'s root. */
  static Peer opensslServer(String mode) throws Exception {
    return OpenSslServerInteropTest.opensslServer(pki, "-Verify", "2", "-CAfile",
        pki.caFile.toString(), "-verify_return_error", mode);
  }

  @Test
  void okHttp_twoArgumentSocketFactory_mutualTlsWithTheContextsManagers() throws Exception {
    SslContext ctx = client(pki, pki);
    OkHttpClient http = new OkHttpClient.Builder()
        .sslSocketFactory(ctx.sslContext().getSocketFactory(), ctx.trustManager()).build();
    try (Peer server = opensslServer("-www")) {
      int port = OpenSslServerInteropTest.port(server);
      try (Response r = http.newCall(new Request.Builder()
          .url("https://localhost:" + port + "/").build()).execute()) {
        assertEquals(200, r.code());
        String body = r.body().string();
        assertTrue(body.contains("Ciphers supported in s_server binary"), body);
      }
      server.waitFor();
      assertTrue(server.output().contains("CN = test client"), server.output());
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Test
  void okHttp_serverFromAnUnknownCa_isRefusedByTheTrustManager() throws Exception {
    SslContext ctx = client(stranger, pki); // trusts only the stranger's root
    OkHttpClient http = new OkHttpClient.Builder()
        .sslSocketFactory(ctx.sslContext().getSocketFactory(), ctx.trustManager()).build();
    try (Peer server = opensslServer("-www")) {
      int port = OpenSslServerInteropTest.port(server);
      SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> http.newCall(
          new Request.Builder().url("https://localhost:" + port + "/").build()).execute());
      assertTrue(String.valueOf(e.getCause()).contains("unable to get local issuer certificate"),
          String.valueOf(e.getCause()));
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void keyManager_isNullWithoutAnIdentity() {
    assertNull(new SslContext(Protocol.TLS_CLIENT).keyManager());
    assertNotNull(new SslContext(Protocol.TLS_CLIENT).trustManager());
  }

  @Test
  void nettyClient_onTheJdkProvider_mutualTlsWithTheContextsManagers() throws Exception {
    SslContext ctx = client(pki, pki);
    io.netty.handler.ssl.SslContext netty = SslContextBuilder.forClient()
        .sslProvider(SslProvider.JDK).trustManager(ctx.trustManager())
        .keyManager(ctx.keyManager()).build();
    try (Peer server = opensslServer("-rev")) {
      int port = OpenSslServerInteropTest.port(server);
      BlockingQueue<String> got = new LinkedBlockingQueue<>();
      Channel ch = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .handler(lineCollector(ch2 -> netty.newHandler(ch2.alloc(), "localhost", port), got))
          .connect("127.0.0.1", port).sync().channel();
      ch.pipeline().get(SslHandler.class).handshakeFuture().sync();
      ch.writeAndFlush(Unpooled.copiedBuffer("netty\n", StandardCharsets.UTF_8)).sync();
      assertEquals("ytten", got.poll(15, TimeUnit.SECONDS));
      ch.close().sync();
    }
  }

  @Test
  void nettyServer_onTheJdkProvider_requiresAClientFromTheTrustedCa() throws Exception {
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    ctx.loadCertChain(pki.serverChain, pki.serverKey);
    ctx.loadVerifyLocations(pki.caFile, null, null);
    ctx.setVerifyMode(VerifyMode.CERT_REQUIRED);
    io.netty.handler.ssl.SslContext netty = SslContextBuilder.forServer(ctx.keyManager())
        .sslProvider(SslProvider.JDK).trustManager(ctx.trustManager())
        .clientAuth(ClientAuth.REQUIRE).build();
    Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(netty.newHandler(ch.alloc()),
                new SimpleChannelInboundHandler<ByteBuf>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext c, ByteBuf msg) {
                    c.writeAndFlush(Unpooled.copiedBuffer("echo: "
                        + msg.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                        .addListener(ChannelFutureListener.CLOSE); // s_client waits for it
                  }
                });
          }
        }).bind("127.0.0.1", 0).sync().channel();
    try {
      int port = ((InetSocketAddress) server.localAddress()).getPort();
      // s_client sends only -cert's first certificate; -cert_chain adds the intermediate.
      Peer good = OpenSslClientInteropTest.sClient(pki, port, "-cert",
          pki.clientChain.toString(), "-cert_chain", pki.intermediateFile.toString(), "-key",
          pki.clientKey.toString());
      assertTrue(good.output().contains("Verify return code: 0 (ok)"), good.output());
      assertTrue(good.output().contains("echo: hello"), good.output());

      Peer unknown = OpenSslClientInteropTest.sClient(pki, port, "-cert",
          stranger.clientChain.toString(), "-cert_chain", stranger.intermediateFile.toString(),
          "-key", stranger.clientKey.toString());
      assertFalse(unknown.output().contains("echo: hello"), unknown.output());
      assertTrue(unknown.output().contains("alert certificate unknown"), unknown.output());
    } finally {
      server.close().sync();
    }
  }

  interface HandlerFactory {
    SslHandler create(Channel ch) throws IOException;
  }

  /** TLS, then every received chunk's first line into {@code got}. */
  static ChannelInitializer<SocketChannel> lineCollector(HandlerFactory tls,
      BlockingQueue<String> got) {
    return new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) throws IOException {
        ch.pipeline().addLast(tls.create(ch), new SimpleChannelInboundHandler<ByteBuf>() {
          @Override
          protected void channelRead0(ChannelHandlerContext c, ByteBuf msg) {
            got.add(msg.toString(StandardCharsets.UTF_8).strip());
          }
        });
      }
    };
  }
}
