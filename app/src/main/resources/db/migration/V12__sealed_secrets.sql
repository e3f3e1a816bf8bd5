-- Secrets are stored sealed (AES-GCM, base64, "enc1:" prefix: about 4/3 of the clear length plus
-- 45 characters), so the columns that hold them make room for the longest clear value accepted.
ALTER TABLE media_servers ALTER COLUMN credential SET DATA TYPE VARCHAR(2000);
ALTER TABLE settings ALTER COLUMN setting_value SET DATA TYPE VARCHAR(8000);
