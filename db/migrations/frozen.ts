// The SHA-256 of every migration as it shipped, in MIGRATIONS order. A store in a municipality
// was made by these exact statements, so a shipped migration is never edited: a schema change is
// a new migration appended to db/migrations/index.ts, and its checksum appended here when it lands
// (tests/store/migrations.test.ts fails on an edit, a reorder or a missing entry).
export const FROZEN_MIGRATIONS: readonly { file: string; sha256: string }[] = [
  { file: '001_initial', sha256: 'ce777145ff8e4b19113859d18b3162ebf485bed5cdd47de846b7a3a81284bc0d' },
  { file: '002_board', sha256: 'd8124536a50185a54b896a7871f95f0e1716397e98f43e0d281c819c6e86503c' },
  { file: '003_pull_list', sha256: '98763246d49ec6333dcdd18ceb9925fb299d3fc07b75127162a6790fa596e740' },
  { file: '004_economy', sha256: '05120a03143cec0759ad6f9a98391fe8068c316a3c40a9065fb86bec9eb0e1cf' },
  { file: '005_flow', sha256: '52b21ee6472a61309b9563f15b22c5d12f208815ff21e0f06e98579c2083d754' },
  { file: '006_data', sha256: '28a6583a5c2c8d1164387a39fadd5f4b425814695c01aceb6e8e0db11ad1e039' },
  { file: '007_wall', sha256: '022ac868c3a1b75e3f3ac28396720327a136df3ea875dbf34604046902c40ee4' },
  { file: '008_plans', sha256: '9ec775ef260f14a5ab0b1e46a7e37cbfc540e3e7b7dfd692366a853ff474cda4' },
  { file: '009_committee', sha256: 'daf93ee00b678cb10f5f1ba54c9fd44e6841da1fc525243a45f5a85973e7ee90' },
  { file: '010_accounts', sha256: '9f2da80e759e18c9bb73c8df8751f9bf81cf25880f867171e82e93902283f2c4' },
  { file: '011_flow_analytics', sha256: '50fe8767a4227f2a54e1bf8a1238a37c0cf0befd8bc83504f3bcd34361162cf2' },
  { file: '013_privacy', sha256: 'c2e938fa731067b2b308a78e426503a28740f6705144278300e81d7796924761' },
  { file: '014_grant_history', sha256: '6e76c977950f12527a8017584c07a64df9c4d24206f1f83bbce180e0c67290d4' },
  { file: '015_finance_bookings', sha256: '8a58fd0077a7f7cef9aa698bd3ec096e4d64f11dd617acfc4a1e8676844fec62' },
  { file: '016_move_undo', sha256: 'e7a736c1804c4954626298e3a2ad4f7674ee184a83c4e2023213523227d6924a' },
  { file: '017_follow_up_items', sha256: 'f6d875293a70d089e76223b7c355e9acaa8113c8c4903a1c70cddc4693cdc12f' },
  { file: '018_board_done_recent', sha256: '0821a61ce7b9a51fa1b7a9b339cec07d4c191e875098a39e7a00756da8493481' },
];
