package diemcau.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ClusterStatusTest {

  @Test
  void saysTheRoleTheLostMembersTheEpochAndTheOffset() {
    ClusterStatus status = new ClusterStatus();
    status.members(3);
    status.members(2);
    status.epoch = 7;
    status.offsetMs = 12;
    JsonObject health = status.toJson();
    assertThat(health.getString("role")).isEqualTo("follower");
    assertThat(health.getJsonObject("cluster")).isEqualTo(new JsonObject()
        .put("size", 2).put("lostMembers", 1).put("writerEpoch", 7L).put("clockOffsetMs", 12L));
    assertThat(health.containsKey("status")).isFalse();
    status.members(3);
    status.serving = true;
    assertThat(status.toJson().getString("role")).isEqualTo("writer");
    assertThat(status.toJson().getJsonObject("cluster").getInteger("lostMembers")).isZero();
  }

  @Test
  void aClockOffBeyond250MsDegradesTheNode() {
    ClusterStatus status = new ClusterStatus();
    status.offsetMs = ClusterStatus.MAX_OFFSET_MS;
    assertThat(status.toJson().containsKey("status")).isFalse();
    status.offsetMs = -(ClusterStatus.MAX_OFFSET_MS + 1);
    assertThat(status.toJson().getString("status")).isEqualTo("DEGRADED");
  }
}
