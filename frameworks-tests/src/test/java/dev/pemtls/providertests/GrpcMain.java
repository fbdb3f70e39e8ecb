package dev.pemtls.providertests;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLSession;

/**
 * The gRPC-java (grpc-netty) recipe inside a child JVM with PemTLS installed.
 *
 * <ul>
 *   <li>{@code serve}: a server requiring client certificates; prints "READY port"; its one
 *       method answers with what it saw of the connection ({@link ChildMain#describe}) until
 *       stdin closes;
 *   <li>{@code call:PORT}: a client calling it on localhost:PORT; prints "call PORT OK answer" or
 *       "call PORT ERR exception".
 * </ul>
 */
public final class GrpcMain {
  private GrpcMain() {}

  private static final MethodDescriptor.Marshaller<String> UTF8 =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(String value) {
          return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream in) {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private static final MethodDescriptor<String, String> WHO =
      MethodDescriptor.<String, String>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("recipe.Echo/Who").setRequestMarshaller(UTF8)
          .setResponseMarshaller(UTF8).build();

  /** gRPC runs on HTTP/2, which TLS negotiates by ALPN. */
  private static final ApplicationProtocolConfig H2 = new ApplicationProtocolConfig(
      ApplicationProtocolConfig.Protocol.ALPN,
      ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
      ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
      ApplicationProtocolNames.HTTP_2);

  public static void main(String[] args) throws Exception {
    for (String op : args) {
      String[] p = op.split(":", 2);
      switch (p[0]) {
        case "serve" -> serve();
        case "call" -> ChildOps.report(op, () -> call(Integer.parseInt(p[1])));
        default -> throw new IllegalArgumentException(op);
      }
    }
  }

  private static void serve() throws Exception {
    // The recipe, server side: what GrpcSslContexts.configure sets (JDK engines, ALPN "h2"),
    // with PemTLS named as the provider, since GrpcSslContexts accepts only SunJSSE, IBMJSSE2
    // and Conscrypt. init(null, null) gives the config's identity; no trust manager means the
    // config's CAs.
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX", "PemTLS");
    kmf.init(null, null);
    io.netty.handler.ssl.SslContext tls = SslContextBuilder.forServer(kmf)
        .sslProvider(SslProvider.JDK)
        .sslContextProvider(Security.getProvider("PemTLS"))
        .applicationProtocolConfig(H2)
        .clientAuth(ClientAuth.REQUIRE)
        .build();
    ServerCallHandler<String, String> who = (call, headers) -> {
      SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
      call.request(1);
      return new ServerCall.Listener<>() {
        @Override
        public void onMessage(String message) {
          call.sendHeaders(new Metadata());
          call.sendMessage(ChildMain.describe(session, "gRPC"));
          call.close(Status.OK, new Metadata());
        }
      };
    };
    Server server = NettyServerBuilder
        .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .sslContext(tls)
        .addService(ServerServiceDefinition.builder("recipe.Echo").addMethod(WHO, who).build())
        .build().start();
    System.out.println("READY " + server.getPort());
    System.out.flush();
    System.in.readAllBytes();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static String call(int port) throws Exception {
    // The recipe, client side: the config's certificate and CAs, host name checked.
    io.netty.handler.ssl.SslContext tls = SslContextBuilder.forClient()
        .sslProvider(SslProvider.JDK)
        .sslContextProvider(Security.getProvider("PemTLS"))
        .applicationProtocolConfig(H2)
        .build();
    ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", port)
        .sslContext(tls).build();
    try {
      return ClientCalls.blockingUnaryCall(channel, WHO,
          CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS), "who am I");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
