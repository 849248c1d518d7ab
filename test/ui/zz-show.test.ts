import { it } from 'vitest';
import { draw, inputsFor, press, KEY, selectedLine } from '../helpers/dashboard.js';
it('show', async () => {
  const app = draw(inputsFor('examples/scale-advise.yaml'));
  console.log(selectedLine(await press(app)));
  console.log(selectedLine(await press(app, 'j')));
  console.log(selectedLine(await press(app, KEY.down)));
  console.log((await press(app, KEY.down)).split('\n').slice(3,5).join('\n'));
  console.log(selectedLine(await press(app, 'j')));
});
