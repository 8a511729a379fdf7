"""World Café seating: hosts stay, guests move, roles mix and few people meet twice.

Each table has a host who stays all session; everyone else is a guest who moves to a new table
every round. The planner seats guests round by round: a greedy pass puts each guest at the free
table that adds the fewest repeat meetings and same-role pairs, then swaps between two guests are
kept while they lower the cost. If the result is not already at the lower bound with every role
spread evenly, a short simulated-annealing run of random swaps looks for a better plan. A fixed
random seed makes the same input always give the same plan.

A "repeat meeting" is each time two people share a table after the first time: a pair who sit
together in three rounds count as two.

The lower bound (``lower_bound``). Hosts never share a table, so every meeting is host–guest or
guest–guest, and each kind is bounded on its own. With N people, T tables (T hosts and N−T
guests), R rounds, and s(r, t) people at table t in round r:

- host–guest: each guest meets exactly one host a round and there are only T hosts, so each
  guest repeats at least max(0, R−T) host meetings, (N−T)·max(0, R−T) in all. From the hosts'
  side, the host of table t meets Σ_r (s(r, t)−1) guests but there are only N−T guests, so at
  least Σ_t max(0, Σ_r (s(r, t)−1) − (N−T)) repeat. Both count the same meetings, so the larger
  of the two is a bound.
- guest–guest: the table sizes seat Σ_r Σ_t C(s(r, t)−1, 2) pairs of guests together, but there
  are only C(N−T, 2) different pairs, so at least the difference repeat. From each guest's side,
  a guest meets at least R·(s_min−2) other guests among N−T−1, and each repeat involves two
  guests, so at least ⌈(N−T)·max(0, R·(s_min−2) − (N−T−1)) / 2⌉ repeat. The larger is a bound.

The two kinds never overlap, so their sum bounds the whole plan: no seating with these table
sizes and one host a table can have fewer repeat meetings.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from math import comb
from pathlib import Path

from valued_contributors.facilitation.errors import FacilitationError
from valued_contributors.facilitation.people import Person, participants

SEED = 2018
MAX_TABLES = 250
MAX_ROUNDS = 8
MAX_SEATS = 12
SWAP_BUDGET = 60_000
W_REPEAT = 3
W_ROLE = 4
W_STAY = 1000
PASSES = 12
SWEEPS = 2
ANNEAL_STEPS = 20_000


@dataclass(frozen=True)
class Plan:
    """Who sits where: ``rounds[r][t]`` lists table t's people in round r, its host first."""

    people: tuple[Person, ...]
    hosts: tuple[int, ...]
    rounds: tuple[tuple[tuple[int, ...], ...], ...]
    seed: int = SEED

    @property
    def tables(self) -> int:
        return len(self.hosts)

    def table_of(self, round_index: int, person: int) -> int:
        """The table (counting from 0) where a person sits in a round."""
        for t, seated in enumerate(self.rounds[round_index]):
            if person in seated:
                return t
        raise KeyError(person)

    def sizes(self) -> list[list[int]]:
        """How many people sit at each table, round by round."""
        return [[len(seated) for seated in tables] for tables in self.rounds]


@dataclass(frozen=True)
class Bound:
    """The lower bound on repeat meetings and the four counts it is built from."""

    guests: int
    by_guest: int
    by_host: int
    guest_pairs_seated: int
    guest_pairs_possible: int
    by_each_guest: int

    @property
    def host_guest(self) -> int:
        """Host–guest meetings that must repeat: the larger count from either side."""
        return max(self.by_guest, self.by_host)

    @property
    def guest_guest(self) -> int:
        """Guest–guest meetings that must repeat: the larger of the pair and per-guest counts."""
        return max(0, self.guest_pairs_seated - self.guest_pairs_possible, self.by_each_guest)

    @property
    def total(self) -> int:
        return self.host_guest + self.guest_guest


def table_sizes(people: int, tables: int, round_index: int) -> list[int]:
    """Balanced sizes; the tables with an extra seat rotate, so every guest can move each round."""
    base, extra = divmod(people, tables)
    bigger = {(round_index * extra + i) % tables for i in range(extra)}
    return [base + (t in bigger) for t in range(tables)]


def _shares(groups: Counter[str | None], seats: int) -> dict[str | None, int]:
    """Seats in proportion to group sizes (largest remainder), and one for any group of two."""
    total = sum(groups.values())
    exact = {g: n * seats / total for g, n in groups.items()}
    share = {g: int(x) for g, x in exact.items()}
    for g in sorted(exact, key=lambda g: (share[g] - exact[g], str(g)))[
        : seats - sum(share.values())
    ]:
        share[g] += 1
    for g in sorted(groups, key=lambda g: (-groups[g], str(g))):
        if share[g] == 0 and groups[g] >= 2:
            donor = max(share, key=lambda d: (share[d], groups[d]))
            if share[donor] > 1:
                share[donor] -= 1
                share[g] = 1
    return share


def choose_hosts(people: list[Person], tables: int) -> list[int]:
    """One host a table: volunteers first, then people whose role is short of its fair share."""
    quota = _shares(Counter(p.role_key for p in people), tables)
    taken: Counter[str | None] = Counter()
    left = set(range(len(people)))
    hosts = []
    for _ in range(tables):
        best = min(
            left,
            key=lambda i: (
                not people[i].volunteer,
                taken[people[i].role_key] - quota[people[i].role_key],
                i,
            ),
        )
        hosts.append(best)
        taken[people[best].role_key] += 1
        left.discard(best)
    return hosts


def _check(people: int, tables: int, rounds: int) -> None:
    if people < 4:
        raise FacilitationError(
            f"A World Café needs at least 4 people (two tables, each with a host and a guest), "
            f"not {people}."
        )
    if not isinstance(tables, int) or not 2 <= tables <= MAX_TABLES:
        raise FacilitationError(
            f"A World Café needs between 2 and {MAX_TABLES} tables, so people have somewhere "
            f"to move to; {tables!r} will not work."
        )
    if not isinstance(rounds, int) or not 1 <= rounds <= MAX_ROUNDS:
        raise FacilitationError(
            f"The number of rounds must be between 1 and {MAX_ROUNDS}, not {rounds!r}."
        )
    if people < 2 * tables:
        raise FacilitationError(
            f"{people} people cannot fill {tables} tables, because each needs a host and at "
            f"least one guest; use {people // 2} tables or fewer."
        )
    if people > MAX_SEATS * tables:
        raise FacilitationError(
            f"{people} people at {tables} tables would mean more than {MAX_SEATS} at a table, "
            f"too many for one conversation; use {-(-people // MAX_SEATS)} tables or more."
        )


class _Seating:
    """The planner's working state: who sits where, and how often each pair has met."""

    def __init__(self, people: list[Person], hosts: list[int], rng: random.Random):
        self.n, self.tables, self.hosts, self.rng = len(people), len(hosts), hosts, rng
        keys = sorted({p.role_key for p in people if p.role_key}, key=str)
        self.role = [keys.index(p.role_key) if p.role_key else -1 for p in people]
        self.role_total = Counter(r for r in self.role if r >= 0)
        self.roles = len(keys)
        host_set = set(hosts)
        self.guests = [p for p in range(self.n) if p not in host_set]
        self.met: list[dict[int, int]] = [{} for _ in range(self.n)]
        self.where: list[list[int]] = []
        self.seats: list[list[list[int]]] = []
        self.role_count: list[list[list[int]]] = []

    def _join(self, k: int, p: int, t: int) -> None:
        for x in self.seats[k][t]:
            self.met[p][x] = self.met[p].get(x, 0) + 1
            self.met[x][p] = self.met[x].get(p, 0) + 1
        self.seats[k][t].append(p)
        self.where[k][p] = t
        if self.role[p] >= 0:
            self.role_count[k][t][self.role[p]] += 1

    def _leave(self, k: int, p: int) -> int:
        t = self.where[k][p]
        self.seats[k][t].remove(p)
        for x in self.seats[k][t]:
            self.met[p][x] -= 1
            self.met[x][p] -= 1
        if self.role[p] >= 0:
            self.role_count[k][t][self.role[p]] -= 1
        return t

    def _stays(self, k: int, p: int, t: int) -> int:
        """How many neighbouring rounds would see this guest at the same table."""
        before = k > 0 and self.where[k - 1][p] == t
        after = k + 1 < len(self.where) and self.where[k + 1][p] == t
        return before + after

    def seat_round(self, sizes: list[int]) -> None:
        """Place every guest for a new round: greedy, then swaps."""
        k = len(self.where)
        self.where.append([-1] * self.n)
        self.seats.append([[] for _ in range(self.tables)])
        self.role_count.append([[0] * self.roles for _ in range(self.tables)])
        for t, h in enumerate(self.hosts):
            self._join(k, h, t)
        order = self.guests[:]
        self.rng.shuffle(order)
        order.sort(key=lambda p: self.role_total[self.role[p]] if self.role[p] >= 0 else self.n)
        for p in order:
            met, role = self.met[p], self.role[p]
            best, best_cost = -1, float("inf")
            for t in range(self.tables):
                seated = self.seats[k][t]
                if len(seated) >= sizes[t]:
                    continue
                cost: float = W_STAY * self._stays(k, p, t)
                cost += W_REPEAT * sum(1 for x in seated if met.get(x))
                if role >= 0:
                    cost += W_ROLE * self.role_count[k][t][role]
                cost += 0.9 * len(seated) / sizes[t] + 0.09 * self.rng.random()
                if cost < best_cost:
                    best, best_cost = t, cost
            self._join(k, p, best)
        self.improve(k)

    def _gain(self, k: int, p: int, q: int) -> int:
        """The change in cost if guests p and q swap tables in round k (negative is better)."""
        a, b = self.where[k][p], self.where[k][q]
        mp, mq = self.met[p], self.met[q]
        change = 0
        for x in self.seats[k][a]:
            if x != p:
                change += W_REPEAT * ((mq.get(x, 0) >= 1) - (mp.get(x, 0) >= 2))
        for x in self.seats[k][b]:
            if x != q:
                change += W_REPEAT * ((mp.get(x, 0) >= 1) - (mq.get(x, 0) >= 2))
        rp, rq = self.role[p], self.role[q]
        if rp != rq:
            at_a, at_b = self.role_count[k][a], self.role_count[k][b]
            if rp >= 0:
                change += W_ROLE * (at_b[rp] - at_a[rp] + 1)
            if rq >= 0:
                change += W_ROLE * (at_a[rq] - at_b[rq] + 1)
        stays = self._stays(k, p, b) - self._stays(k, p, a)
        stays += self._stays(k, q, a) - self._stays(k, q, b)
        return change + W_STAY * stays

    def _trouble(self, k: int, p: int, fewest: list[int]) -> bool:
        """True if a guest meets someone again, stays put, or sits where their role crowds."""
        t = self.where[k][p]
        if self._stays(k, p, t):
            return True
        if any(self.met[p].get(x, 0) >= 2 for x in self.seats[k][t] if x != p):
            return True
        role = self.role[p]
        return role >= 0 and self.role_count[k][t][role] >= fewest[role] + 2

    def improve(self, k: int) -> None:
        """Swap pairs of guests in round k while a swap lowers the cost, within a fixed budget."""
        budget = SWAP_BUDGET
        for _ in range(PASSES):
            fewest = [min(row[r] for row in self.role_count[k]) for r in range(self.roles)]
            troubled = [p for p in self.guests if self._trouble(k, p, fewest)]
            self.rng.shuffle(troubled)
            swapped = False
            for p in troubled:
                if budget <= 0:
                    return
                budget -= len(self.guests)
                best, best_gain = -1, 0
                for q in self.guests:
                    if self.where[k][q] != self.where[k][p]:
                        gain = self._gain(k, p, q)
                        if gain < best_gain:
                            best, best_gain = q, gain
                if best >= 0:
                    a, b = self._leave(k, p), self._leave(k, best)
                    self._join(k, p, b)
                    self._join(k, best, a)
                    swapped = True
            if not swapped:
                return

    def stays(self) -> int:
        """How many times a guest sits at the same table two rounds running."""
        return sum(
            self.where[k - 1][p] == self.where[k][p]
            for k in range(1, len(self.where))
            for p in self.guests
        )

    def cost(self) -> int:
        """The whole plan's cost: repeat meetings, same-role pairs and guests who stay."""
        repeats = sum(n - 1 for row in self.met for n in row.values() if n > 1) // 2
        crowding = sum(comb(n, 2) for tables in self.role_count for row in tables for n in row)
        return W_REPEAT * repeats + W_ROLE * crowding + W_STAY * self.stays()

    def _load(self, where: list[list[int]]) -> None:
        """Seat everyone as ``where`` says, rebuilding the counts from scratch."""
        rounds = len(where)
        self.met = [{} for _ in range(self.n)]
        self.where = [[-1] * self.n for _ in range(rounds)]
        self.seats = [[[] for _ in range(self.tables)] for _ in range(rounds)]
        self.role_count = [[[0] * self.roles for _ in range(self.tables)] for _ in range(rounds)]
        for k in range(rounds):
            for t, h in enumerate(self.hosts):
                self._join(k, h, t)
            for p in self.guests:
                self._join(k, p, where[k][p])

    def anneal(self, steps: int) -> None:
        """Random swaps, sometimes accepting a worse one early on, to escape a local best."""
        if len(self.guests) < 2 or self.tables < 2:
            return
        current = best = self.cost()
        kept = [row[:] for row in self.where]
        rounds = len(self.where)
        for step in range(steps):
            heat = 2.0 * (1 - step / steps) + 0.05
            k = self.rng.randrange(rounds)
            p, q = self.rng.sample(self.guests, 2)
            if self.where[k][p] == self.where[k][q]:
                continue
            change = self._gain(k, p, q)
            if change <= 0 or self.rng.random() < math.exp(-change / heat):
                a, b = self._leave(k, p), self._leave(k, q)
                self._join(k, p, b)
                self._join(k, q, a)
                current += change
                if current < best:
                    best, kept = current, [row[:] for row in self.where]
        self._load(kept)


def _good_enough(seating: _Seating, sizes: list[list[int]]) -> bool:
    """True when repeats are at the lower bound and every role is spread evenly already."""
    repeats = sum(n - 1 for row in seating.met for n in row.values() if n > 1) // 2
    even = all(
        max(row[r] for row in tables) - min(row[r] for row in tables) <= 1
        for tables in seating.role_count
        for r in range(seating.roles)
    )
    return even and not seating.stays() and repeats <= bound_for(seating.n, sizes).total


def plan(
    people: list[Person] | int | str | Path, tables: int, rounds: int, seed: int = SEED
) -> Plan:
    """Seat people (a list, a number or a CSV file) at tables for each round.

    Raises FacilitationError, saying what to change, if it cannot be done.
    """
    people = participants(people)
    _check(len(people), tables, rounds)
    hosts = choose_hosts(people, tables)
    seating = _Seating(people, hosts, random.Random(seed))
    sizes = [table_sizes(len(people), tables, k) for k in range(rounds)]
    for row in sizes:
        seating.seat_round(row)
    for _ in range(SWEEPS):
        for k in range(rounds):
            seating.improve(k)
    if not _good_enough(seating, sizes):
        seating.anneal(ANNEAL_STEPS)
        for k in range(rounds):
            seating.improve(k)
    if seating.stays():
        raise FacilitationError(
            "Not everyone could move to a new table each round; try one table more or fewer."
        )
    return Plan(
        people=tuple(people),
        hosts=tuple(hosts),
        rounds=tuple(
            tuple(
                (h, *sorted(p for p in seated if p != h))
                for h, seated in zip(hosts, tables_k, strict=True)
            )
            for tables_k in seating.seats
        ),
        seed=seed,
    )


def meetings(plan: Plan) -> Counter[tuple[int, int]]:
    """How many rounds each pair of people share a table, counted from the plan."""
    together: Counter[tuple[int, int]] = Counter()
    for tables in plan.rounds:
        for seated in tables:
            together.update(combinations(sorted(seated), 2))
    return together


def repeat_meetings(plan: Plan) -> int:
    """Every time two people share a table after the first (three rounds together count two)."""
    return sum(n - 1 for n in meetings(plan).values() if n > 1)


def pairs_meeting_again(plan: Plan) -> int:
    """How many pairs of people share a table in more than one round."""
    return sum(1 for n in meetings(plan).values() if n > 1)


def bound_for(people: int, sizes: list[list[int]]) -> Bound:
    """The lower bound for N people and these table sizes (``sizes[r][t]``; one host a table)."""
    t, r = len(sizes[0]), len(sizes)
    guests = people - t
    smallest = min(min(row) for row in sizes)
    each = max(0, r * (smallest - 2) - (guests - 1))
    return Bound(
        guests=guests,
        by_guest=guests * max(0, r - t),
        by_host=sum(max(0, sum(sizes[k][i] - 1 for k in range(r)) - guests) for i in range(t)),
        guest_pairs_seated=sum(comb(s - 1, 2) for row in sizes for s in row),
        guest_pairs_possible=comb(guests, 2),
        by_each_guest=-(-guests * each // 2),
    )


def lower_bound(plan: Plan) -> Bound:
    """No plan with these hosts and table sizes has fewer repeat meetings (see the module)."""
    return bound_for(len(plan.people), plan.sizes())


def role_spread(plan: Plan) -> int:
    """The largest difference, in any round, between two tables' counts of one role.

    1 or 0 means every role is spread across the tables as evenly as the numbers allow.
    """
    gap = 0
    roles = {p.role_key for p in plan.people if p.role_key}
    for tables in plan.rounds:
        for role in roles:
            counts = [sum(plan.people[p].role_key == role for p in seated) for seated in tables]
            gap = max(gap, max(counts) - min(counts))
    return gap


def fewest_roles(plan: Plan) -> int:
    """The fewest different roles at any table in any round (0 when no roles were given)."""
    return min(
        len({plan.people[p].role_key for p in seated if plan.people[p].role_key})
        for tables in plan.rounds
        for seated in tables
    )
