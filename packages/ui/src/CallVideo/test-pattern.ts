/**
 * A moving test pattern as a `MediaStream` (stories and demos without a
 * camera): colour bars, a label, and a bar sweeping across, drawn on a
 * canvas and captured with `canvas.captureStream`.
 *
 * @param label - written on the picture, e.g. `'Far end'`.
 * @param hue - tint of the bars (0–360), to tell two patterns apart.
 * @returns the stream and `stop()`, which ends its track and the drawing.
 */
export function testPatternStream(label: string, hue = 200): { stream: MediaStream; stop(): void } {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  const context = canvas.getContext('2d');
  let frame = 0;
  const draw = (): void => {
    if (!context) return;
    for (let bar = 0; bar < 8; bar += 1) {
      context.fillStyle = `hsl(${(hue + bar * 40) % 360} 70% ${35 + bar * 5}%)`;
      context.fillRect(bar * 40, 0, 40, 240);
    }
    context.fillStyle = 'rgb(255 255 255 / 0.85)';
    context.fillRect(((frame * 4) % 360) - 40, 170, 40, 20);
    context.fillStyle = '#fff';
    context.font = 'bold 24px sans-serif';
    context.fillText(label, 16, 40);
    frame += 1;
  };
  draw();
  const timer = setInterval(draw, 1000 / 15);
  const stream = canvas.captureStream(15);
  return {
    stream,
    stop: () => {
      clearInterval(timer);
      for (const track of stream.getTracks()) track.stop();
    },
  };
}
