-- What sync needs to reconcile shares with what the servers say: the provider's own id of a
-- share (Plex's shared-server id, used to change or remove it) and whether it grants every
-- library (Plex's allLibraries, Jellyfin/Emby's EnableAllFolders).
ALTER TABLE shares ADD COLUMN provider_share_id VARCHAR(200);
ALTER TABLE shares ADD COLUMN all_libraries BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_shares_server_account ON shares (server_id, account_id);
