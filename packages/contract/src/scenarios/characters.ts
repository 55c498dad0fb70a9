/**
 * Characters (`POST /videos/characters`, `GET /videos/characters/{id}`): a clip cut from a
 * completed video becomes a character whose id, name and created_at round-trip; an unknown id is
 * 404. Azure serves no characters.
 * @module
 */
import { expectMp4 } from '../media-checks.js';
import { defineScenario } from '../scenario.js';
import { completedSource } from './completed-source.js';
import { SORA2_DIALECTS } from './dialect-groups.js';

/** Sora 2: create a character from a 4 s clip, read it back; an unknown id -> 404. */
export const characters = defineScenario({
  name: 'characters',
  description:
    'a character made from a 4 s clip reads back with the same id, name and created_at; unknown id -> 404 (Azure: 404)',
  dialects: SORA2_DIALECTS,
  jobs: 1,
  async run(ctx) {
    if (ctx.dialect === 'sora2-azure') {
      // Microsoft documents no characters: Azure's 404 for paths it does not serve.
      ctx.expectError(await ctx.sora2.getCharacter('char_unserved'), 404);
      ctx.expectError(await ctx.sora2.createCharacter({ name: 'Unserved', clip: new Uint8Array(16) }), 404);
      return;
    }
    const source = await completedSource(ctx, 'a robot waves at the camera');
    const mp4 = await ctx.sora2.content(source.id);
    ctx.expectStatus(mp4, 200);
    expectMp4(mp4.bytes, 'character clip');
    const name = `Robot ${ctx.token}`.slice(0, 80);
    const created = ctx.expectStatus(
      await ctx.sora2.createCharacter({ name, clip: ctx.defined(mp4.bytes, 'clip bytes') }),
      200,
    );
    const id = ctx.defined(created.id, 'character id');
    ctx.check(id.startsWith('char_'), `character id starts with char_, got ${id}`);
    ctx.expectEqual(created.name, name, 'character name');
    const read = ctx.expectStatus(await ctx.sora2.getCharacter(id), 200);
    ctx.expectEqual(read.id, id, 'character id read back');
    ctx.expectEqual(read.name, created.name, 'character name read back');
    ctx.expectEqual(read.created_at, created.created_at, 'character created_at');
    ctx.expectError(await ctx.sora2.getCharacter(`char_missing${ctx.token}`), 404);
  },
});
