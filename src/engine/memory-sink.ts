/**
 * A sink that keeps every event in memory, as plain rows: for tests, comparisons and small
 * worlds that need the log without a database.
 */
import type { EventBatch, EventSink } from './recorder.js';

export interface LoggedEvent {
  id: number;
  day: number;
  type: number;
  person: number;
  other: number;
  place: number;
  value: number;
  cause: number;
  data: string | null;
}

export class MemorySink implements EventSink {
  readonly events: LoggedEvent[] = [];
  readonly participants: { event: number; person: number; role: number }[] = [];

  write(b: EventBatch): void {
    for (let i = 0; i < b.count; i++) {
      this.events.push({
        id: b.firstId + i,
        day: b.day[i]!,
        type: b.type[i]!,
        person: b.person[i]!,
        other: b.other[i]!,
        place: b.place[i]!,
        value: b.value[i]!,
        cause: b.cause[i]!,
        data: b.data[i] ?? null,
      });
    }
    for (let j = 0; j < b.participantCount; j++) {
      this.participants.push({
        event: b.participants[3 * j]!,
        person: b.participants[3 * j + 1]!,
        role: b.participants[3 * j + 2]!,
      });
    }
  }
}
