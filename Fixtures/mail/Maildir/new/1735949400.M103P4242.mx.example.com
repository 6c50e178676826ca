Return-Path: <tlsrpt@example.net>
Delivered-To: dmarc-reports@example.com
Received: from mail-relay.example.net (mail-relay.example.net [192.0.2.25])
	by mx.example.com (Postfix) with ESMTPS id 4Y1AbC2dEf
	for <dmarc-reports@example.com>; Thu, 02 Jan 2025 00:05:00 +0000 (UTC)
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.net; s=20240101;
 h=mime-version:date:message-id:subject:from:to;
 bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;
 b=dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZQ==
MIME-Version: 1.0
Date: Thu, 02 Jan 2025 00:04:59 +0000
Message-ID: <bd62fe84131b32a2@example.net>
Subject: Report Domain: example.com Submitter: example.net Report-ID: <tls-0001>
From: tlsrpt@example.net
To: dmarc-reports@example.com
Content-Type: multipart/report; report-type=tlsrpt; boundary="tls"

--tls
Content-Type: text/plain

This is an SMTP TLS report.
--tls
Content-Type: application/tlsrpt+gzip; name="example.net!example.com!1735689600!1735775999.json.gz"
Content-Transfer-Encoding: base64

H4sIAAAAAAAC/6tWyi9KT8zLrEosyczP081LzE1VslJKrUjMLchJ1ctLLVHSUSrIz8lMzkwtVrKK
jq3lAgAKH1iEMgAAAA==
--tls--
