import { CallAudio } from '@webphone/react';

/**
 * Plays the calls' audio and, when the browser blocks autoplay, asks for the
 * one click that lets it play.
 */
export function SoundGate() {
  return (
    <CallAudio>
      {({ blocked, resume }) =>
        blocked && (
          <div className="demo-banner" role="alert">
            <span>The browser is holding back the call's sound until you interact with the page.</span>
            <button type="button" className="wp-button wp-button--small wp-button--primary" onClick={() => void resume()}>
              Click to enable sound
            </button>
          </div>
        )
      }
    </CallAudio>
  );
}
