// Eleventy's configuration only wires Gloss up; everything it registers lives in src/render/.
// Run through tsx (see package.json), so that it can import the TypeScript modules.
import glossEleventy from './src/render/eleventy.ts';

export default function (eleventyConfig) {
  glossEleventy(eleventyConfig);
  return {
    dir: { input: 'src/site', includes: '_includes', data: '_data' },
    templateFormats: ['11ty.ts'],
  };
}
