// Warnings: a yellow "warning:" line on stderr, and a "warning" event with --json.
import type { Io } from '../io';
import { paint } from './color';
import type { EventSink } from './events';

/** Reports `message` as a warning on stderr and, with --json, as an event. */
export type Warn = (message: string) => void;

export function warner(io: Io, events: EventSink): Warn {
  return (message) => {
    events.emit({ event: 'warning', message });
    io.stderr.write(`${paint(io.stderr, 'yellow', 'warning:')} ${message}\n`);
  };
}
