package dev.attrgateway.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * A TCP proxy in front of a server (Redis, here), to play its outages: it can refuse connections, hold them
 * silent, answer late, or forward again. It counts the connections it accepted.
 */
public final class TcpProxy implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final String targetHost;
    private final int targetPort;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<NetSocket> open = new CopyOnWriteArrayList<>();
    private volatile boolean silent;
    private volatile Duration answerDelay = Duration.ZERO;
    private NetServer server;
    private int port;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public static TcpProxy to(String host, int port) {
        TcpProxy proxy = new TcpProxy(host, port);
        proxy.listen(0);
        return proxy;
    }

    public int port() {
        return port;
    }

    public int acceptedConnections() {
        return accepted.get();
    }

    /** Closes every connection and refuses new ones: the server is gone. */
    public void refuse() {
        server.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
        open.forEach(NetSocket::close);
        open.clear();
    }

    /** Accepts and forwards again, on the same port. */
    public void forward() {
        silent = false;
        listen(port);
    }

    /** Accepts connections and reads requests but answers nothing: the server hangs. */
    public void hang() {
        silent = true;
        open.forEach(NetSocket::close);
        open.clear();
    }

    /** Forwards every answer of the server this much later, in order: a server slower than its clients wait. */
    public void answerAfter(Duration delay) {
        answerDelay = delay;
    }

    private void listen(int onPort) {
        server = vertx.createNetServer().connectHandler(this::connect);
        port = server.listen(onPort, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    private void connect(NetSocket client) {
        accepted.incrementAndGet();
        open.add(client);
        client.closeHandler(closed -> open.remove(client));
        if (silent) {
            client.handler(ignored -> {
            });
            return;
        }
        client.pause();
        vertx.createNetClient().connect(targetPort, targetHost).onSuccess(target -> {
            open.add(target);
            client.handler(data -> {
                if (!silent) {
                    target.write(data);
                }
            });
            target.handler(data -> {
                Duration delay = answerDelay;
                if (delay.isZero()) {
                    client.write(data);
                } else {
                    vertx.setTimer(delay.toMillis(), timer -> client.write(data));
                }
            });
            client.closeHandler(closed -> target.close());
            target.closeHandler(closed -> client.close());
            client.resume();
        }).onFailure(failure -> client.close());
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
