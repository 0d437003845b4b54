import { FakeStream, FakeTrack } from '@webphone/core/testing';

/** Puts a `navigator.mediaDevices` whose microphone hands out silent stand-in streams; returns the undo. */
export function installSilentMicrophone(): () => void {
  const devices = {
    getUserMedia: async () => new FakeStream([new FakeTrack('audio')]) as unknown as MediaStream,
    enumerateDevices: async () => [{ kind: 'audioinput', deviceId: 'silent', groupId: 'g', label: 'Silent', toJSON: () => ({}) }] as MediaDeviceInfo[],
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  Object.defineProperty(navigator, 'mediaDevices', { value: devices, configurable: true });
  return () => Reflect.deleteProperty(navigator, 'mediaDevices');
}
