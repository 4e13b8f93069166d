package dev.surge.deployer.entry;

/** The fixed parts of the nginx configuration, apart from the routes {@link NginxEntry} adds. */
final class Templates {

  private Templates() {}

  /** The http block's settings: temp paths, limit zone, request id, logging. */
  static String http(String prefix, String rate) {
    return """
          server_tokens off;
          default_type application/octet-stream;
          client_body_temp_path %1$s/tmp/body;
          proxy_temp_path %1$s/tmp/proxy;
          fastcgi_temp_path %1$s/tmp/fastcgi;
          uwsgi_temp_path %1$s/tmp/uwsgi;
          scgi_temp_path %1$s/tmp/scgi;

          # A client's X-Request-Id is passed on only when it looks like an id; otherwise (absent,
          # too long, odd characters) nginx's own random $request_id replaces it.
          map $http_x_request_id $surge_request_id {
            "~^[A-Za-z0-9._:-]{1,64}$" $http_x_request_id;
            default $request_id;
          }
          # The Host the client used, port included: functions build Location headers from it.
          map $http_host $surge_host {
            "" $host:$server_port;
            default $http_host;
          }
          log_format surge '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                           '$request_time $upstream_addr $surge_request_id';
          access_log %1$s/access.log surge buffer=32k flush=1s;

          limit_req_zone $binary_remote_addr zone=surge_per_ip:10m rate=%2$s;
          limit_req_status 429;
          limit_req_log_level warn;

        """
        .formatted(prefix, rate);
  }

  /** The server block's settings: limits, timeouts, headers to the functions, error pages. */
  static String server(int burst) {
    StringBuilder s =
        new StringBuilder(
            """
                limit_req zone=surge_per_ip burst=%d nodelay;
                # Bodies: every public request body is a small JSON document. Kept in memory
                # (buffer = max), so the entry never writes a request to disk.
                client_max_body_size 16k;
                client_body_buffer_size 16k;
                # Headers: a request line longer than 8k is refused with 414.
                client_header_buffer_size 1k;
                large_client_header_buffers 4 8k;
                client_header_timeout 10s;
                client_body_timeout 10s;
                send_timeout 30s;
                keepalive_timeout 30s;

                proxy_http_version 1.1;
                proxy_set_header Connection "";
                proxy_set_header Host $surge_host;
                # The entry is the edge: a client's own X-Forwarded-For is not trusted, it is replaced.
                proxy_set_header X-Forwarded-For $remote_addr;
                proxy_set_header X-Forwarded-Proto $scheme;
                # With X-Forwarded-Proto alone Vert.x assumes the scheme's default port.
                proxy_set_header X-Forwarded-Port $server_port;
                proxy_set_header X-Forwarded-Host $surge_host;
                proxy_set_header X-Request-Id $surge_request_id;
                proxy_hide_header X-Request-Id;
                proxy_connect_timeout 2s;
                proxy_send_timeout 30s;
                proxy_read_timeout 30s;
                proxy_max_temp_file_size 0;
                proxy_next_upstream off;
                add_header X-Request-Id $surge_request_id always;

            """
                .formatted(burst));
    for (EntryProblems.Page page : EntryProblems.PAGES) {
      s.append("    error_page ")
          .append(page.status())
          .append(" /_surge/problem/")
          .append(page.status())
          .append(";\n");
    }
    return s.append('\n').toString();
  }

  /** The internal location answering one status as problem+json. */
  static String errorPage(EntryProblems.Page page) {
    StringBuilder extra = new StringBuilder();
    if (page.status() == 405) {
      extra.append("      add_header Allow $surge_allow always;\n");
    }
    if (page.status() == 429 || page.status() == 503) {
      extra.append("      add_header Retry-After 1 always;\n");
    }
    return """
            location = /_surge/problem/%d {
              internal;
              default_type application/problem+json;
              add_header X-Request-Id $surge_request_id always;
              add_header Cache-Control no-store always;
        %s      return %d '%s\\n';
            }
        """
        .formatted(page.status(), extra, page.status(), page.json());
  }
}
