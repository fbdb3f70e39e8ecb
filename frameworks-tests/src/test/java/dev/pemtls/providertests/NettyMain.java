package dev.pemtls.providertests;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The Netty 4.2 recipes inside a child JVM with PemTLS installed.
 *
 * <ul>
 *   <li>{@code serve}: a server on {@code JdkSslContext} over {@code SSLContext.getDefault()};
 *       prints "READY port"; answers each connection with an HTTP/1.0 response whose body says
 *       what it saw ({@link ChildMain#describe}) until stdin closes;
 *   <li>{@code get:PORT}: a client on {@code SslContextBuilder.forClient().sslProvider(JDK)} to
 *       localhost:PORT; prints "get PORT OK body" or "get PORT ERR exception".
 * </ul>
 */
public final class NettyMain {
  private NettyMain() {}

  public static void main(String[] args) throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      for (String op : args) {
        String[] p = op.split(":", 2);
        switch (p[0]) {
          case "serve" -> serve(group);
          case "get" -> ChildOps.report(op, () -> get(group, Integer.parseInt(p[1])));
          default -> throw new IllegalArgumentException(op);
        }
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  private static void serve(EventLoopGroup group) throws Exception {
    // The recipe, server side: the JVM's default context, i.e. the PemTLS config.
    SslContext tls = new JdkSslContext(SSLContext.getDefault(), false, ClientAuth.REQUIRE);
    Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(tls.newHandler(ch.alloc()), new Responder());
          }
        })
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    System.out.println("READY " + ((InetSocketAddress) server.localAddress()).getPort());
    System.out.flush();
    System.in.readAllBytes();
    server.close().sync();
  }

  /** Answers the first bytes of a request with what the server saw of the TLS session. */
  private static final class Responder extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ((ByteBuf) msg).release();
      String body = ChildMain.describe(ctx.pipeline().get(SslHandler.class).engine()
          .getSession(), "Netty");
      String response = "HTTP/1.0 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n"
          + body;
      ctx.writeAndFlush(Unpooled.copiedBuffer(response, StandardCharsets.US_ASCII))
          .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  private static String get(EventLoopGroup group, int port) throws Exception {
    // The recipe, client side: Netty's builder on the JDK provider API; with no key or trust
    // manager given, SSLContext "TLS" from PemTLS uses the config's.
    SslContext tls = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).build();
    CompletableFuture<String> result = new CompletableFuture<>();
    StringBuilder received = new StringBuilder();
    new Bootstrap().group(group).channel(NioSocketChannel.class)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            SslHandler ssl = tls.newHandler(ch.alloc(), "localhost", port);
            ssl.handshakeFuture().addListener(f -> {
              if (f.isSuccess()) {
                ch.writeAndFlush(Unpooled.copiedBuffer("GET / HTTP/1.0\r\n\r\n",
                    StandardCharsets.US_ASCII));
              } else {
                result.completeExceptionally(f.cause());
              }
            });
            ch.pipeline().addLast(ssl, new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                received.append(((ByteBuf) msg).toString(StandardCharsets.US_ASCII));
                ((ByteBuf) msg).release();
              }

              @Override
              public void channelInactive(ChannelHandlerContext ctx) {
                String r = received.toString();
                result.complete(r.substring(r.indexOf("\r\n\r\n") + 4));
              }

              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                result.completeExceptionally(cause);
                ctx.close();
              }
            });
          }
        })
        .connect("localhost", port).sync();
    try {
      return result.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }
}
