package com.scantill.omise;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hc.core5.net.URIBuilder;

/** Where the client's requests go: the API's address, checked once, and each resource's path under it. */
final class ApiAddress {

    private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final URI base;

    ApiAddress(URI base) {
        this.base = requireSafe(base);
    }

    URI base() {
        return base;
    }

    URI of(String... segments) {
        try {
            return new URIBuilder(base).appendPathSegments(segments).build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    URI list(ListRequest request, String... segments) {
        try {
            URIBuilder builder = new URIBuilder(of(segments))
                    .addParameter("offset", Integer.toString(request.offset()))
                    .addParameter("limit", Integer.toString(request.limit()))
                    .addParameter("order", request.order().apiValue());
            if (request.from() != null) {
                builder.addParameter("from", request.from().toString());
            }
            if (request.to() != null) {
                builder.addParameter("to", request.to().toString());
            }
            return builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The id, checked to be one before it goes into a path. */
    static String id(String id) {
        if (id == null || !OBJECT_ID.matcher(id).matches()) {
            throw new InvalidRequestException("id", "Not an Omise object id: \"" + id + "\".");
        }
        return id;
    }

    /** The address given, if it is one the client may speak to: https, or plain http on this computer only. */
    static URI requireSafe(URI uri) {
        Optional<UnsafeAddress> unsafe = unsafe(uri);
        if (unsafe.orElse(null) == UnsafeAddress.NOT_HTTPS) {
            throw new InvalidRequestException("api_url", "The API URL must use https (plain http only on this computer): "
                    + uri.getScheme() + "://" + uri.getHost());
        }
        if (unsafe.isPresent()) {
            throw new InvalidRequestException("api_url", "The API URL must be a plain address such as " + OmiseClient.DEFAULT_BASE_URI);
        }
        return uri;
    }

    /** What is wrong with {@code uri} as the API's address, if anything. */
    static Optional<UnsafeAddress> unsafe(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
            return Optional.of(UnsafeAddress.NOT_HTTPS);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
            return Optional.of(UnsafeAddress.NOT_PLAIN);
        }
        return Optional.empty();
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.replace("[", "").replace("]", "");
        return bare.equalsIgnoreCase("localhost") || bare.equals("::1") || bare.matches("127(\\.\\d{1,3}){3}");
    }
}
