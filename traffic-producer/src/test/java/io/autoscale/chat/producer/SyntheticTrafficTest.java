package io.autoscale.chat.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.SessionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticTrafficTest {

    private static final RampProfile PROFILE = new RampProfile(30, 0, 9);

    private static RecordingSink run(RampProfile profile, long seed) {
        return RecordingSink.drain(new SyntheticTraffic(SyntheticConfig.of(profile, seed)));
    }

    @Test
    void theSameSeedGivesTheSameEvents() {
        List<RecordingSink.Delivered> first = run(PROFILE, 7).events;
        List<RecordingSink.Delivered> second = run(PROFILE, 7).events;

        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void anotherSeedGivesOtherRequests() {
        assertThat(run(PROFILE, 7).requests()).isNotEqualTo(run(PROFILE, 8).requests());
    }

    @Test
    void deliversOneSecondPerSecondOfTheProfile() {
        SyntheticTraffic traffic = new SyntheticTraffic(SyntheticConfig.of(PROFILE, 1));

        assertThat(traffic.durationSeconds()).isEqualTo(30);
        assertThat(RecordingSink.drain(traffic).seconds()).isEqualTo(30);
        assertThat(traffic.nextSecond(new RecordingSink())).isFalse();
    }

    @Test
    void joinsAndLeavesKeepTheConnectedUsersEqualToTheProfileEverySecond() {
        RampProfile profile = new RampProfile(40, 3, 25);
        SyntheticTraffic traffic = new SyntheticTraffic(SyntheticConfig.of(profile, 3));
        RecordingSink sink = new RecordingSink();
        Set<String> connected = new LinkedHashSet<>();

        for (int second = 0; second < 40; second++) {
            int before = sink.events.size();
            assertThat(traffic.nextSecond(sink)).isTrue();
            for (RecordingSink.Delivered delivered : sink.events.subList(before, sink.events.size())) {
                if (delivered.event() instanceof SessionEvent session) {
                    assertThat(session.timeMs()).isEqualTo(second * 1000L);
                    if (session.connected()) {
                        assertThat(connected.add(session.user())).isTrue();
                    } else {
                        assertThat(connected.remove(session.user())).isTrue();
                    }
                }
            }
            assertThat(connected).as("second %d", second).hasSize(profile.usersAt(second));
            assertThat(traffic.connectedUsers()).isEqualTo(profile.usersAt(second));
        }
    }

    @Test
    void usersJoinWithTheNextNumberAndTheLastToJoinLeavesFirst() {
        List<SessionEvent> sessions = run(new RampProfile(10, 0, 3), 5).sessions();

        assertThat(sessions).containsExactly(
                new SessionEvent("user-1", 1000, true),
                new SessionEvent("user-2", 2000, true),
                new SessionEvent("user-3", 3000, true),
                new SessionEvent("user-3", 7000, false),
                new SessionEvent("user-2", 8000, false),
                new SessionEvent("user-1", 9000, false));
    }

    @Test
    void aUserWhoLeftNeverRejoinsOrSendsAgain() {
        RecordingSink sink = run(new RampProfile(60, 0, 20), 11);
        Map<String, Long> leftAtMs = new HashMap<>();
        for (SessionEvent session : sink.sessions()) {
            if (!session.connected()) {
                leftAtMs.put(session.user(), session.timeMs());
            } else {
                assertThat(leftAtMs).doesNotContainKey(session.user());
            }
        }

        assertThat(leftAtMs).hasSize(20);
        for (ChatRequest request : sink.requests()) {
            Long left = leftAtMs.get(request.user());
            assertThat(request.timeMs()).isLessThan(left);
        }
    }

    @Test
    void requestIdsAreDenseAndInEventTimeOrderWithTiesByUserNumber() {
        List<ChatRequest> requests = run(new RampProfile(60, 5, 200), 13).requests();

        assertThat(requests).hasSizeGreaterThan(1000);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(requests.get(i).id()).isEqualTo(i);
        }
        for (int i = 1; i < requests.size(); i++) {
            ChatRequest previous = requests.get(i - 1);
            ChatRequest current = requests.get(i);
            boolean ordered = previous.timeMs() < current.timeMs()
                    || previous.timeMs() == current.timeMs()
                    && userNumber(previous) <= userNumber(current);
            assertThat(ordered).as("%s before %s", previous, current).isTrue();
        }
    }

    @Test
    void eachSecondHoldsItsSessionsFirstThenOnlyItsOwnRequests() {
        RecordingSink sink = run(new RampProfile(30, 2, 50), 17);

        int second = -1;
        boolean requestSeen = false;
        for (RecordingSink.Delivered delivered : sink.events) {
            if (delivered.second() != second) {
                second = delivered.second();
                requestSeen = false;
            }
            ChatEvent event = delivered.event();
            assertThat(event.timeMs()).isBetween(second * 1000L, second * 1000L + 999);
            if (event instanceof ChatRequest) {
                requestSeen = true;
            } else {
                assertThat(requestSeen).as("session after a request in second %d", second).isFalse();
            }
        }
    }

    @Test
    void thinkTimesAverageTheConfiguredMeanAndSizesStayInRange() {
        int users = 50;
        int seconds = 600;
        SyntheticConfig config = new SyntheticConfig(new RampProfile(seconds, users, users), 21, 2000,
                MessageSize.DEFAULT);
        List<ChatRequest> requests = RecordingSink.drain(new SyntheticTraffic(config)).requests();

        // 50 users for 600 s at one message per 2 s on average: 15,000 expected, +-3% is ~4 sigma.
        assertThat(requests.size()).isBetween(14_550, 15_450);
        assertThat(requests).allSatisfy(r -> assertThat(r.bytes()).isBetween(20, 400));
        assertThat(requests.stream().mapToInt(ChatRequest::bytes).min().orElseThrow()).isLessThan(40);
        assertThat(requests.stream().mapToInt(ChatRequest::bytes).max().orElseThrow()).isGreaterThan(380);
    }

    @Test
    void aUsersMessagesDoNotDependOnTheOtherUsers() {
        List<ChatRequest> alone = userRequests(run(new RampProfile(20, 1, 1), 9), "user-1");
        List<ChatRequest> crowded = userRequests(run(new RampProfile(20, 1, 40), 9), "user-1");

        assertThat(alone).isNotEmpty();
        assertThat(crowded).extracting(ChatRequest::timeMs)
                .containsExactlyElementsOf(alone.stream().map(ChatRequest::timeMs).toList());
        assertThat(crowded).extracting(ChatRequest::bytes)
                .containsExactlyElementsOf(alone.stream().map(ChatRequest::bytes).toList());
    }

    @Test
    void rejectsANonPositiveThinkTime() {
        assertThatThrownBy(() -> new SyntheticConfig(PROFILE, 1, 0, MessageSize.DEFAULT))
                .hasMessage("--think-time must be a positive finite number of milliseconds, got 0.0");
    }

    @Test
    void userStreamSeedsDifferForNeighbouringUsersAndSeeds() {
        Set<Long> seeds = new LinkedHashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            for (int user = 1; user <= 50; user++) {
                seeds.add(SyntheticTraffic.streamSeed(seed, user));
            }
        }
        assertThat(seeds).hasSize(1000);
    }

    private static List<ChatRequest> userRequests(RecordingSink sink, String user) {
        List<ChatRequest> own = new ArrayList<>();
        for (ChatRequest request : sink.requests()) {
            if (user.equals(request.user())) {
                own.add(request);
            }
        }
        return own;
    }

    private static int userNumber(ChatRequest request) {
        return Integer.parseInt(request.user().substring("user-".length()));
    }
}
