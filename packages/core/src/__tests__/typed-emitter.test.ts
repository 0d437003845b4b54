import { describe, expect, it, vi } from 'vitest';
import { TypedEmitter } from '../typed-emitter.js';

interface Events {
  ping: [n: number];
  done: [];
}

describe('TypedEmitter', () => {
  it('calls listeners with their arguments and removes them with off', () => {
    const emitter = new TypedEmitter<Events>();
    const listener = vi.fn();
    emitter.on('ping', listener);
    emitter.emit('ping', 1);
    emitter.off('ping', listener);
    emitter.emit('ping', 2);
    expect(listener.mock.calls).toEqual([[1]]);
    expect(emitter.listenerCount()).toBe(0);
  });

  it('once fires a single time and can be removed by the original listener', () => {
    const emitter = new TypedEmitter<Events>();
    const first = vi.fn();
    const second = vi.fn();
    emitter.once('done', first).once('done', second);
    emitter.off('done', second);
    emitter.emit('done');
    emitter.emit('done');
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    expect(emitter.listenerCount('done')).toBe(0);
  });

  it('a throwing listener is reported and does not stop the others', () => {
    const errors: unknown[] = [];
    const emitter = new TypedEmitter<Events>((_event, error) => errors.push(error));
    const after = vi.fn();
    emitter.on('ping', () => {
      throw new Error('boom');
    });
    emitter.on('ping', after);
    expect(() => emitter.emit('ping', 1)).not.toThrow();
    expect(after).toHaveBeenCalledWith(1);
    expect(errors).toHaveLength(1);
  });

  it('close drops every listener and ignores later on, once and emit', () => {
    const emitter = new TypedEmitter<Events>();
    const before = vi.fn();
    const after = vi.fn();
    emitter.on('ping', before);
    emitter.close();
    emitter.on('ping', after).once('done', after);
    emitter.emit('ping', 1);
    emitter.emit('done');
    expect(before).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
    expect(emitter.closed).toBe(true);
    expect(emitter.listenerCount()).toBe(0);
  });
});
