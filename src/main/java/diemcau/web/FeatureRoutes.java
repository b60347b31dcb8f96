package diemcau.web;

import io.vertx.ext.web.Router;

/**
 * A feature's HTTP endpoints (imports, reports, exports). The web edge mounts every feature's
 * routes in its one router, before the static pages. Implementations are shared by all event
 * loops: keep them stateless or thread-safe.
 */
public interface FeatureRoutes {
  void mount(Router router);
}
